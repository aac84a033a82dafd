import type { PublishedGovernanceState } from "../../governance/published-state.js";
import type { GrantSource } from "../enforcement/grant-source.js";
import { EMPTY_SNAPSHOT, GrantSnapshot } from "./grant-snapshot.js";

/** Where the governance state is read from: the store beside the gateway, or Redis for replicas. */
export interface GovernanceReader {
  /** Cheap, asked before every request: moves whenever the state does; null when there is no governance at all. */
  version(): Promise<string | null> | string | null;
  /** The state in force, read only when the version moved or a grant ran out. */
  state(now: Date): Promise<PublishedGovernanceState> | PublishedGovernanceState;
  close(): Promise<void> | void;
}

/**
 * The gateway's view of grants and suspensions: refreshed before each request from its
 * reader (one cheap version check), re-read when the version moves or a grant or
 * suspension runs out, so a change decides the very next request. A reader that fails
 * throws: the request is refused (fail closed).
 */
export class GovernanceGrantSource implements GrantSource {
  private snapshot = EMPTY_SNAPSHOT;
  private readerVersion: string | null = null;
  private reads = 0;

  constructor(
    private readonly reader: GovernanceReader,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async refresh(): Promise<void> {
    const now = this.clock();
    const version = await this.reader.version();
    if (version === null) {
      this.snapshot = EMPTY_SNAPSHOT;
      return;
    }
    if (version === this.readerVersion && now.getTime() < this.snapshot.staleAt) return;
    const state = await this.reader.state(now);
    this.reads++;
    this.readerVersion = version;
    // The read count is in the version: an expiry changes decisions without moving the reader's.
    this.snapshot = GrantSnapshot.of(`${version}:${this.reads}`, state, now);
  }

  version(): string {
    return this.snapshot.version;
  }

  grantsOf(unit: string): ReturnType<GrantSnapshot["grantsOf"]> {
    return this.snapshot.grantsOf(unit);
  }

  isSuspended(unit: string): boolean {
    return this.snapshot.isSuspended(unit);
  }

  close(): Promise<void> | void {
    return this.reader.close();
  }
}

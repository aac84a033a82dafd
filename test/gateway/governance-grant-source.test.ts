import { describe, expect, it } from "vitest";
import { GovernanceGrantSource, type GovernanceReader } from "../../gateway/governance/governance-grant-source.js";
import type { PublishedGovernanceState } from "../../governance/published-state.js";
import { StoreGovernanceReader } from "../../gateway/governance/store-governance-reader.js";
import { tempDir } from "../helpers/temp-dir.js";

/** A reader over state the test sets, counting how often the state is read. */
function reader(initial: PublishedGovernanceState): GovernanceReader & { set(s: PublishedGovernanceState): void; reads: number; fail: boolean } {
  let state = initial;
  let version = 1;
  return {
    reads: 0,
    fail: false,
    set(s) {
      state = s;
      version++;
    },
    version() {
      if (this.fail) throw new Error("store unreadable");
      return `v${version}`;
    },
    state() {
      this.reads++;
      return state;
    },
    close: () => undefined,
  };
}

const grant = { id: "g1", unit: "permits", coordinates: ["Enterprise.inspections"], purpose: "DATA_VERIFICATION" as const, coordinated: false, validUntil: "2026-12-01" };

describe("the gateway's view of grants and suspensions", () => {
  it("reads the state again only when its version moves", async () => {
    const r = reader({ grants: [], suspensions: [] });
    const source = new GovernanceGrantSource(r, () => new Date("2026-11-30T10:00:00+08:00"));
    await source.refresh();
    await source.refresh();
    expect(r.reads).toBe(1);
    const before = source.version();
    r.set({ grants: [grant], suspensions: [{ unit: "water", until: "2027-05-30" }] });
    await source.refresh();
    expect(r.reads).toBe(2);
    expect(source.version()).not.toBe(before);
    expect(source.grantsOf("permits")).toEqual([grant]);
    expect(source.isSuspended("water")).toBe(true);
    expect(source.isSuspended("soil")).toBe(false);
  });

  it("drops a grant after its last valid day (Asia/Shanghai), with a new version, though the store did not move", async () => {
    let now = new Date("2026-12-01T23:59:00+08:00");
    const r = reader({ grants: [grant], suspensions: [] });
    const source = new GovernanceGrantSource(r, () => now);
    await source.refresh();
    expect(source.grantsOf("permits")).toHaveLength(1);
    const before = source.version();
    now = new Date("2026-12-02T00:00:01+08:00");
    await source.refresh();
    expect(source.grantsOf("permits")).toEqual([]);
    // Decisions cached under the old version must not be reused.
    expect(source.version()).not.toBe(before);
  });

  it("fails closed: a reader that cannot read throws from refresh", async () => {
    const r = reader({ grants: [], suspensions: [] });
    const source = new GovernanceGrantSource(r);
    r.fail = true;
    await expect(source.refresh()).rejects.toThrow(/unreadable/);
  });
});

describe("the governance store beside the gateway", () => {
  it("is no state at all in a federation without governance, and an error where the supergraph has it", async () => {
    const dir = tempDir("store-reader");
    try {
      const optional = new GovernanceGrantSource(new StoreGovernanceReader(dir.path));
      await optional.refresh();
      expect(optional.isSuspended("water")).toBe(false);
      // "Nobody suspended" read from a missing store would serve what the cac-office suspended.
      const required = new GovernanceGrantSource(new StoreGovernanceReader(dir.path, true));
      await expect(required.refresh()).rejects.toThrow(/the governance store \S+governance\.sqlite is missing/);
    } finally {
      dir.remove();
    }
  });
});

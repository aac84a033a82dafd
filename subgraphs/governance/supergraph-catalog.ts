import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { readSupergraphPolicies, type PolicyIndex } from "../../directives/share/supergraph-policies.js";
import { badUserInput } from "../../schema/errors.js";

/** The federation's fields and rules as of a recorded supergraph. */
export interface CurrentSupergraph {
  readonly version: number;
  readonly index: PolicyIndex;
}

/**
 * The supergraphs the gateway composed, each distinct SDL stored once; the one it recorded
 * last is what applications are checked against. Its policies are parsed once per version.
 */
export class SupergraphCatalog {
  private readonly findVersion: Database.Statement;
  private readonly insertRow: Database.Statement;
  private readonly setCurrent: Database.Statement;
  private readonly currentVersion: Database.Statement;
  private readonly sdlOf: Database.Statement;
  private cached: CurrentSupergraph | null = null;

  constructor(private readonly db: Database.Database) {
    this.findVersion = db.prepare("SELECT version FROM supergraphs WHERE sha256 = ?").pluck();
    this.insertRow = db.prepare("INSERT INTO supergraphs (sha256, sdl, recorded_at) VALUES (?, ?, ?)");
    this.setCurrent = db.prepare("UPDATE governance_state SET supergraph_version = ? WHERE id = 1");
    this.currentVersion = db.prepare("SELECT supergraph_version FROM governance_state WHERE id = 1").pluck();
    this.sdlOf = db.prepare("SELECT sdl FROM supergraphs WHERE version = ?").pluck();
  }

  /** Stores a supergraph (once per distinct SDL) and makes it current; its version. */
  record(sdl: string, at: string): number {
    const index = parse(sdl);
    const sha256 = createHash("sha256").update(sdl).digest("hex");
    const version = this.db.transaction(() => {
      const known = this.findVersion.get(sha256) as number | undefined;
      const v = known ?? Number(this.insertRow.run(sha256, sdl, at).lastInsertRowid);
      this.setCurrent.run(v);
      return v;
    }).immediate();
    this.cached = { version, index };
    return version;
  }

  /** The supergraph recorded last, or null before the gateway has recorded one. */
  current(): CurrentSupergraph | null {
    const version = this.currentVersion.get() as number | null;
    if (version === null) return null;
    if (this.cached?.version !== version) this.cached = { version, index: parse(this.sdlOf.get(version) as string) };
    return this.cached;
  }
}

function parse(sdl: string): PolicyIndex {
  let index: PolicyIndex;
  try {
    index = readSupergraphPolicies(sdl);
  } catch (error) {
    throw badUserInput("sdl", `does not parse: ${(error as Error).message}`);
  }
  if (index.fields.size === 0) throw badUserInput("sdl", "is not a supergraph: no type names the subgraph that resolves it (@join__type)");
  return index;
}

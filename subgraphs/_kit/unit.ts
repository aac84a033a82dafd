import type Database from "better-sqlite3";
import type { NonEmptyArray } from "./type-graphql.js";
import type { AssertedRequester } from "../../schema/request-assertion.js";
import type { Migration } from "../../storage/sqlite-store.js";
import type { VerificationKeys } from "../../schema/platform-keys.js";

/** The `__resolveReference` of each entity type a unit resolves, by type name. */
export type ReferenceResolvers<TContext> = Readonly<
  Record<string, (representation: Readonly<Record<string, unknown>>, context: TContext) => unknown>
>;

/**
 * Everything that makes a ministry unit's subgraph: its schema (type-graphql classes),
 * its store and its demo data. A unit is a separate system: it knows no other unit.
 */
export interface UnitDefinition<TContext extends object = object> {
  /** The stable unit code (`atmosphere`), also the subgraph's name in the supergraph. */
  readonly code: string;
  readonly title: string;
  // eslint-disable-next-line @typescript-eslint/ban-types
  readonly resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/ban-types
  readonly orphanedTypes?: Function[];
  readonly references: ReferenceResolvers<TContext>;
  readonly migrations: readonly Migration[];
  /** Writes the unit's demo data into an empty, migrated store. */
  readonly seed: (db: Database.Database) => void;
  /** Prepares the unit's statements once; the returned function makes each request's context. */
  readonly prepare: (db: Database.Database, environment: UnitEnvironment) => (request: UnitRequest) => TContext;
}

/** What a unit knows of a request: who asks, as the gateway signed it (null when unsigned). */
export interface UnitRequest {
  readonly requester: AssertedRequester | null;
}

/** What a unit's process was started with, beyond its store, and where it hooks into its server's life. */
export interface UnitEnvironment {
  /** Runs after each request is executed, before its answer leaves; a throw turns the answer into a coded error. */
  readonly beforeRespond: (hook: () => Promise<void>) => void;
  /** Runs when the unit's server stops (connections the unit opened itself). */
  readonly onClose: (hook: () => Promise<void>) => void;
  /** The platform's public keys (the audit unit verifies checkpoints with them). */
  readonly platformKeys?: VerificationKeys;
}

/** Erases a unit's context type, for lists of units. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyUnit = UnitDefinition<any>;

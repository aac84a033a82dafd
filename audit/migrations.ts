import { randomUUID } from "node:crypto";
import type { Migration } from "../storage/sqlite-store.js";

export const AUDIT_STORE_FILE = "audit.sqlite";

export const auditMigrations: readonly Migration[] = [
  {
    description: "append-only, hash-chained access records; signed checkpoints",
    up: (db) =>
      db.exec(`
        CREATE TABLE access_records (
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          request_id TEXT NOT NULL,
          unit TEXT NOT NULL,
          principal TEXT NOT NULL,
          purpose TEXT,
          coordinate TEXT NOT NULL,
          owner TEXT NOT NULL,
          share_class TEXT,
          decision TEXT NOT NULL,
          reason TEXT NOT NULL,
          grant_id TEXT,
          operation_name TEXT,
          operation_hash TEXT NOT NULL,
          client_name TEXT,
          client_version TEXT,
          value_count INTEGER NOT NULL,
          policy_version TEXT NOT NULL,
          prev_hash TEXT NOT NULL,
          hash TEXT NOT NULL
        ) STRICT;
        -- Newest first under each filter the security team uses (CONTRACT §6).
        CREATE INDEX access_by_owner ON access_records(owner, id);
        CREATE INDEX access_by_unit ON access_records(unit, id);
        CREATE INDEX access_by_coordinate ON access_records(coordinate, id);
        CREATE INDEX access_by_decision ON access_records(decision, id);
        CREATE INDEX access_by_purpose ON access_records(purpose, id);
        CREATE INDEX access_by_request ON access_records(request_id);
        CREATE INDEX access_by_at ON access_records(at);
        CREATE TABLE audit_checkpoints (
          id INTEGER PRIMARY KEY,
          head_id INTEGER NOT NULL,
          head_hash TEXT NOT NULL,
          count INTEGER NOT NULL,
          at TEXT NOT NULL,
          kid TEXT NOT NULL,
          signature TEXT NOT NULL
        ) STRICT;
        CREATE TABLE audit_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        -- Append-only: no edit ever; deletion only of what retention has archived.
        CREATE TRIGGER access_records_append_only BEFORE UPDATE ON access_records
          BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
        CREATE TRIGGER access_records_keep BEFORE DELETE ON access_records
          WHEN OLD.id > COALESCE((SELECT CAST(value AS INTEGER) FROM audit_meta WHERE key = 'archived_through'), 0)
          BEGIN SELECT RAISE(ABORT, 'audit records are deleted only after they are archived'); END;
        CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE ON audit_checkpoints
          BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
      `),
  },
  {
    // Measured (bench/audit-query.ts, 10 M records): counting under a unit's visibility
    // (owner = ?) plus one filter read every matching row (1.4–2 s), and the random
    // request-id index was the dearest part of each insert. Composite indexes answer those
    // counts from the index; a request's records are contiguous (one append), so a small
    // table of id ranges finds them with one entry per request instead of one per record.
    description: "indexes for filters under a unit's visibility; request id ranges",
    up: (db) =>
      db.exec(`
        CREATE TABLE audit_requests (
          request_id TEXT PRIMARY KEY,
          first_id INTEGER NOT NULL,
          last_id INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
        INSERT INTO audit_requests (request_id, first_id, last_id)
          SELECT request_id, min(id), max(id) FROM access_records GROUP BY request_id;
        DROP INDEX access_by_request;
        DROP INDEX access_by_owner;
        DROP INDEX access_by_unit;
        DROP INDEX access_by_coordinate;
        CREATE INDEX access_by_owner_decision ON access_records(owner, decision, id);
        CREATE INDEX access_by_unit_owner ON access_records(unit, owner, id);
        CREATE INDEX access_by_coordinate_owner ON access_records(coordinate, owner, id);
      `),
  },
  {
    // Measured again at 2 M records: pages (ORDER BY id DESC LIMIT n) filtered by one column
    // need (column, id) to come out in order — without it, 1.7 s for a frequent owner.
    // A unit's queries always carry owner = ?, so its combinations lead with the owner.
    description: "page indexes (column, id); a unit's filter combinations lead with owner",
    up: (db) =>
      db.exec(`
        DROP INDEX access_by_unit_owner;
        DROP INDEX access_by_coordinate_owner;
        CREATE INDEX access_by_owner ON access_records(owner, id);
        CREATE INDEX access_by_unit ON access_records(unit, id);
        CREATE INDEX access_by_coordinate ON access_records(coordinate, id);
        CREATE INDEX access_by_owner_unit ON access_records(owner, unit, id);
        CREATE INDEX access_by_owner_coordinate ON access_records(owner, coordinate, id);
      `),
  },
  {
    // Measured (bench/audit-store.ts): the nine indexes made writes cost most — above all the
    // composites led by owner, each dirtying pages per distinct (owner, unit) or (owner,
    // coordinate) of a commit: ~810 WAL pages per 768-record commit, ~270 after this. Instead:
    // repeated strings stored once (audit_strings), records holding their numbers, and one
    // index per filter column, (column, id, then the other filter columns): newest-first pages
    // under a filter read it in order, and a count under any combination reads only the index.
    // `access_records` stays, as a view with the same columns, for readers of the file.
    // 1 M records migrate in 14–18 s (measured), holding the write lock meanwhile.
    description: "dictionary-encoded records; one covering (column, id, …) index per filter column; access_records becomes a view",
    up: (db) => {
      // Self-contained on purpose: a later change to the writer must not change this step.
      const columns = ["unit", "principal", "purpose", "coordinate", "owner", "share_class", "decision", "reason", "grant_id",
        "operation_name", "operation_hash", "client_name", "client_version", "policy_version"];
      db.exec(`
        CREATE TABLE audit_strings (id INTEGER PRIMARY KEY, value TEXT NOT NULL UNIQUE) STRICT;
        -- Columns named as in access_records hold audit_strings numbers. No FOREIGN KEY: with
        -- foreign_keys on, each insert would look up all fourteen.
        CREATE TABLE audit_records (
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          request_id TEXT NOT NULL,
          unit INTEGER NOT NULL,
          principal INTEGER NOT NULL,
          purpose INTEGER,
          coordinate INTEGER NOT NULL,
          owner INTEGER NOT NULL,
          share_class INTEGER,
          decision INTEGER NOT NULL,
          reason INTEGER NOT NULL,
          grant_id INTEGER,
          operation_name INTEGER,
          operation_hash INTEGER NOT NULL,
          client_name INTEGER,
          client_version INTEGER,
          value_count INTEGER NOT NULL,
          policy_version INTEGER NOT NULL,
          prev_hash TEXT NOT NULL,
          hash TEXT NOT NULL
        ) STRICT;
      `);
      // One pass over the old rows for their distinct strings, then one INSERT … SELECT.
      const seen = new Set<string>();
      for (const row of db.prepare(`SELECT ${columns.join(", ")} FROM access_records`).raw().iterate() as IterableIterator<(string | null)[]>) {
        for (const value of row) if (value !== null) seen.add(value);
      }
      const addString = db.prepare(`INSERT INTO audit_strings (value) VALUES (?)`);
      for (const value of [...seen].sort()) addString.run(value);
      const number = (c: string): string => `(SELECT s.id FROM audit_strings s WHERE s.value = r.${c})`;
      const filters = ["unit", "owner", "coordinate", "decision", "purpose"];
      const viewColumn = (c: string): string => (filters.includes(c) ? `${c}.value AS ${c}` : `(SELECT s.value FROM audit_strings s WHERE s.id = r.${c}) AS ${c}`);
      db.exec(`
        INSERT INTO audit_records (id, at, request_id, ${columns.join(", ")}, value_count, prev_hash, hash)
          SELECT r.id, r.at, r.request_id, ${columns.map(number).join(", ")}, r.value_count, r.prev_hash, r.hash
          FROM access_records r ORDER BY r.id;
        DROP TABLE access_records;
        CREATE INDEX audit_by_owner ON audit_records(owner, id, unit, coordinate, decision, purpose);
        CREATE INDEX audit_by_unit ON audit_records(unit, id, owner, coordinate, decision, purpose);
        CREATE INDEX audit_by_coordinate ON audit_records(coordinate, id, owner, unit, decision, purpose);
        CREATE INDEX audit_by_decision ON audit_records(decision, id, owner, unit, coordinate, purpose);
        CREATE INDEX audit_by_purpose ON audit_records(purpose, id, owner, unit, coordinate, decision);
        CREATE INDEX audit_by_at ON audit_records(at);
        -- The filter columns through LEFT JOINs: a filter on one of their strings becomes a
        -- dictionary lookup, then an index range (and a record never drops out of the view);
        -- the others through subqueries, evaluated only for the rows and columns read.
        CREATE VIEW access_records AS
          SELECT r.id, r.at, r.request_id, ${columns.slice(0, -1).map(viewColumn).join(", ")},
            r.value_count, ${viewColumn("policy_version")}, r.prev_hash, r.hash
          FROM audit_records r
          ${filters.map((c) => `LEFT JOIN audit_strings ${c} ON ${c}.id = r.${c}`).join("\n          ")};
        -- Append-only, as before: no edit ever; deletion only of what retention has archived.
        CREATE TRIGGER audit_records_append_only BEFORE UPDATE ON audit_records
          BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
        CREATE TRIGGER audit_records_keep BEFORE DELETE ON audit_records
          WHEN OLD.id > COALESCE((SELECT CAST(value AS INTEGER) FROM audit_meta WHERE key = 'archived_through'), 0)
          BEGIN SELECT RAISE(ABORT, 'audit records are deleted only after they are archived'); END;
        CREATE TRIGGER audit_strings_append_only BEFORE UPDATE ON audit_strings
          BEGIN SELECT RAISE(ABORT, 'audit strings are append-only'); END;
        CREATE TRIGGER audit_strings_keep BEFORE DELETE ON audit_strings
          BEGIN SELECT RAISE(ABORT, 'audit strings are never deleted'); END;
      `);
    },
  },
  {
    // Issue 13: raising audit_meta.archived_through let the delete trigger pass, and
    // checkpoints could be deleted. Now a record is deleted only inside a seal the log holds
    // (verification checks its signature), checkpoints and seals are never deleted, and the
    // log has an id of its own, by which its witness outside this store knows it.
    description: "seals of archived ranges in the log; deletion only inside a seal; checkpoints and seals kept; the log's id",
    up: (db) => {
      db.exec(`
        CREATE TABLE audit_seals (
          id INTEGER PRIMARY KEY,
          from_id INTEGER NOT NULL,
          to_id INTEGER NOT NULL,
          count INTEGER NOT NULL,
          first_prev_hash TEXT NOT NULL,
          head_hash TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          at TEXT NOT NULL,
          kid TEXT NOT NULL,
          -- '' only for the range archived before seals were kept here (see below).
          signature TEXT NOT NULL
        ) STRICT;
        -- What older versions archived, as one unsigned seal: its seal files were signed, but
        -- outside the log. Verification accepts an unsigned seal only as the log's first.
        INSERT INTO audit_seals (from_id, to_id, count, first_prev_hash, head_hash, sha256, at, kid, signature)
          SELECT 1, CAST(t.value AS INTEGER), CAST(t.value AS INTEGER), '${"0".repeat(64)}', h.value, '', strftime('%Y-%m-%dT%H:%M:%fZ'), '', ''
          FROM audit_meta t JOIN audit_meta h ON h.key = 'archived_head_hash'
          WHERE t.key = 'archived_through' AND CAST(t.value AS INTEGER) > 0;
        DELETE FROM audit_meta WHERE key IN ('archived_through', 'archived_head_hash');
        DROP TRIGGER audit_records_keep;
        CREATE TRIGGER audit_records_keep BEFORE DELETE ON audit_records
          WHEN NOT EXISTS (SELECT 1 FROM audit_seals s WHERE OLD.id BETWEEN s.from_id AND s.to_id)
          BEGIN SELECT RAISE(ABORT, 'audit records are deleted only when archived, inside a signed seal'); END;
        CREATE TRIGGER audit_checkpoints_keep BEFORE DELETE ON audit_checkpoints
          BEGIN SELECT RAISE(ABORT, 'checkpoints are never deleted'); END;
        -- The one update: the gateway signing the range older versions archived (AuditWriter.start).
        CREATE TRIGGER audit_seals_append_only BEFORE UPDATE ON audit_seals
          WHEN OLD.signature <> '' OR NEW.signature = '' OR NEW.id IS NOT OLD.id OR NEW.from_id IS NOT OLD.from_id
            OR NEW.to_id IS NOT OLD.to_id OR NEW.count IS NOT OLD.count OR NEW.first_prev_hash IS NOT OLD.first_prev_hash
            OR NEW.head_hash IS NOT OLD.head_hash OR NEW.sha256 IS NOT OLD.sha256 OR NEW.at IS NOT OLD.at
          BEGIN SELECT RAISE(ABORT, 'seals are append-only'); END;
        CREATE TRIGGER audit_seals_keep BEFORE DELETE ON audit_seals
          BEGIN SELECT RAISE(ABORT, 'seals are never deleted'); END;
        CREATE TRIGGER audit_meta_log_id_kept BEFORE UPDATE ON audit_meta WHEN OLD.key = 'log_id'
          BEGIN SELECT RAISE(ABORT, 'the log id never changes'); END;
        CREATE TRIGGER audit_meta_log_id_not_deleted BEFORE DELETE ON audit_meta WHEN OLD.key = 'log_id'
          BEGIN SELECT RAISE(ABORT, 'the log id never changes'); END;
      `);
      db.prepare(`INSERT INTO audit_meta (key, value) VALUES ('log_id', ?)`).run(randomUUID());
    },
  },
];

import type { Migration } from "../storage/sqlite-store.js";

/** The governance subgraph's store, in the data dir; the gateway reads grants and suspensions from it. */
export const GOVERNANCE_STORE_FILE = "governance.sqlite";

const bumpStateVersion = (table: string, event: "INSERT" | "UPDATE" | "DELETE"): string => `
  CREATE TRIGGER ${table}_${event.toLowerCase()}_moves_state AFTER ${event} ON ${table}
    BEGIN UPDATE governance_state SET state_version = state_version + 1 WHERE id = 1; END;`;

export const governanceMigrations: readonly Migration[] = [
  {
    description: "applications, grants, suspensions, external requests, their history and notifications; recorded supergraphs",
    up: (db) =>
      db.exec(`
        -- One row. state_version moves with every change to grants or suspensions (the
        -- triggers below, in the same transaction), so the gateway's cached decisions never
        -- outlive one (CONTRACT §7). supergraph_version: the one the gateway recorded last.
        CREATE TABLE governance_state (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          state_version INTEGER NOT NULL,
          supergraph_version INTEGER
        ) STRICT;
        INSERT INTO governance_state (id, state_version, supergraph_version) VALUES (1, 0, NULL);
        CREATE TABLE supergraphs (
          version INTEGER PRIMARY KEY,
          sha256 TEXT NOT NULL UNIQUE,
          sdl TEXT NOT NULL,
          recorded_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE applications (
          id INTEGER PRIMARY KEY,
          applicant TEXT NOT NULL,
          principal TEXT NOT NULL,
          provider TEXT NOT NULL,
          coordinates TEXT NOT NULL CHECK (json_valid(coordinates)),
          purpose TEXT NOT NULL,
          justification TEXT NOT NULL,
          valid_days INTEGER NOT NULL CHECK (valid_days BETWEEN 1 AND 1095),
          not_shared INTEGER NOT NULL,
          escalated INTEGER NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('AWAITING_ENDORSEMENT', 'PENDING', 'APPROVED', 'REJECTED', 'ESCALATED', 'WITHDRAWN')),
          submitted_at TEXT NOT NULL,
          due_by TEXT NOT NULL,
          reason TEXT,
          updated_at TEXT NOT NULL,
          supergraph_version INTEGER NOT NULL REFERENCES supergraphs(version)
        ) STRICT;
        CREATE INDEX applications_by_applicant ON applications(applicant, id);
        CREATE INDEX applications_by_provider ON applications(provider, id);
        CREATE INDEX applications_by_status ON applications(status, id);
        CREATE TABLE grants (
          id INTEGER PRIMARY KEY,
          application_id INTEGER NOT NULL UNIQUE REFERENCES applications(id),
          unit TEXT NOT NULL,
          provider TEXT NOT NULL,
          coordinates TEXT NOT NULL CHECK (json_valid(coordinates)),
          purpose TEXT NOT NULL,
          coordinated INTEGER NOT NULL,
          granted_at TEXT NOT NULL,
          valid_until TEXT NOT NULL,
          revoked_at TEXT,
          revoked_reason TEXT
        ) STRICT;
        CREATE INDEX grants_by_unit ON grants(unit, id);
        CREATE INDEX grants_by_provider ON grants(provider, id);
        -- What the gateway reads on every state change: the unrevoked grants still valid.
        CREATE INDEX grants_unrevoked ON grants(valid_until) WHERE revoked_at IS NULL;
        CREATE TABLE suspensions (
          id INTEGER PRIMARY KEY,
          unit TEXT NOT NULL,
          reason TEXT NOT NULL,
          since TEXT NOT NULL,
          until TEXT NOT NULL,
          lifted_at TEXT,
          lift_reason TEXT
        ) STRICT;
        CREATE INDEX suspensions_by_unit ON suspensions(unit, id);
        CREATE INDEX suspensions_unlifted ON suspensions(until) WHERE lifted_at IS NULL;
        CREATE TABLE external_requests (
          id INTEGER PRIMARY KEY,
          unit TEXT NOT NULL,
          principal TEXT NOT NULL,
          department TEXT NOT NULL,
          resource TEXT NOT NULL,
          purpose TEXT NOT NULL,
          justification TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('AWAITING_REVIEW', 'FORWARDED', 'REJECTED')),
          submitted_at TEXT NOT NULL,
          reason TEXT,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX external_requests_by_unit ON external_requests(unit, id);
        -- Every transition of every object above: who, when, from and to, why.
        CREATE TABLE governance_events (
          id INTEGER PRIMARY KEY,
          subject TEXT NOT NULL,
          subject_id INTEGER NOT NULL,
          action TEXT NOT NULL,
          from_status TEXT,
          to_status TEXT NOT NULL,
          unit TEXT NOT NULL,
          principal TEXT NOT NULL,
          request_id TEXT NOT NULL,
          at TEXT NOT NULL,
          reason TEXT
        ) STRICT;
        CREATE INDEX governance_events_by_subject ON governance_events(subject, subject_id, id);
        CREATE TRIGGER governance_events_append_only BEFORE UPDATE ON governance_events
          BEGIN SELECT RAISE(ABORT, 'governance history is append-only'); END;
        CREATE TRIGGER governance_events_kept BEFORE DELETE ON governance_events
          BEGIN SELECT RAISE(ABORT, 'governance history is append-only'); END;
        CREATE TABLE notifications (
          id INTEGER PRIMARY KEY,
          unit TEXT NOT NULL,
          event_id INTEGER NOT NULL REFERENCES governance_events(id),
          read_at TEXT
        ) STRICT;
        CREATE INDEX notifications_by_unit ON notifications(unit, id);
        CREATE INDEX notifications_unread ON notifications(unit, id) WHERE read_at IS NULL;
        ${["grants", "suspensions"].flatMap((t) => (["INSERT", "UPDATE", "DELETE"] as const).map((e) => bumpStateVersion(t, e))).join("\n")}
      `),
  },
  {
    description: "catalog versions and the catalog changes units confirm (Art. 10–12); data issues and outcomes (Art. 7(4), 8(2), 8(3))",
    up: (db) =>
      db.exec(`
        -- One row per distinct catalog in the order the gateway's supergraphs produced them;
        -- the catalog and its diff against the previous version as JSON (Art. 12).
        CREATE TABLE catalog_versions (
          version INTEGER PRIMARY KEY,
          supergraph_version INTEGER NOT NULL REFERENCES supergraphs(version),
          digest TEXT NOT NULL,
          catalog TEXT NOT NULL CHECK (json_valid(catalog)),
          diff TEXT CHECK (diff IS NULL OR json_valid(diff)),
          status TEXT NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
          recorded_at TEXT NOT NULL,
          published_at TEXT,
          published_by TEXT
        ) STRICT;
        CREATE INDEX catalog_versions_by_status ON catalog_versions(status, version);
        CREATE INDEX catalog_versions_by_recorded_at ON catalog_versions(recorded_at);
        -- What a version changed of one unit, which its approver confirms within 15 working days.
        CREATE TABLE catalog_changes (
          id INTEGER PRIMARY KEY,
          version INTEGER NOT NULL REFERENCES catalog_versions(version),
          unit TEXT NOT NULL,
          subjects TEXT NOT NULL CHECK (json_valid(subjects)),
          changed_at TEXT NOT NULL,
          due_by TEXT NOT NULL,
          confirmed_at TEXT,
          confirmed_by TEXT,
          UNIQUE (version, unit)
        ) STRICT;
        CREATE INDEX catalog_changes_by_unit ON catalog_changes(unit, id);
        CREATE TABLE data_issues (
          id INTEGER PRIMARY KEY,
          reporter TEXT NOT NULL,
          principal TEXT NOT NULL,
          provider TEXT NOT NULL,
          coordinate TEXT NOT NULL,
          record_key TEXT,
          kind TEXT NOT NULL CHECK (kind IN ('ERROR', 'DOUBT')),
          description TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('OPEN', 'ANSWERED')),
          reported_at TEXT NOT NULL,
          due_by TEXT NOT NULL,
          verdict TEXT CHECK (verdict IN ('CONFIRMED', 'REJECTED', 'CORRECTED')),
          answer TEXT,
          answered_at TEXT,
          answered_by TEXT
        ) STRICT;
        CREATE INDEX data_issues_by_reporter ON data_issues(reporter, id);
        CREATE INDEX data_issues_by_provider ON data_issues(provider, id);
        CREATE TABLE outcomes (
          id INTEGER PRIMARY KEY,
          reporter TEXT NOT NULL,
          principal TEXT NOT NULL,
          coordinates TEXT NOT NULL CHECK (json_valid(coordinates)),
          providers TEXT NOT NULL CHECK (json_valid(providers)),
          description TEXT NOT NULL,
          benefit TEXT,
          reported_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX outcomes_by_reporter ON outcomes(reporter, id);
      `),
  },
];

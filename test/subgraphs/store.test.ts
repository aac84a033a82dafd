import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openStore, seedOnce, StoreOpenError, type Migration } from "../../storage/sqlite-store.js";
import { tempDir } from "../helpers/temp-dir.js";

const V1: Migration[] = [{ description: "t", up: (db) => db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)") }];
const V2: Migration[] = [...V1, { description: "t.note", up: (db) => db.exec("ALTER TABLE t ADD COLUMN note TEXT") }];

let dir = tempDir("store");
afterEach(() => {
  dir.remove();
  dir = tempDir("store");
});

describe("a unit's store", () => {
  it("migrates a file made by an older version forward, keeping its rows", () => {
    const file = join(dir.path, "u.sqlite");
    const old = openStore({ file, migrations: V1 });
    old.prepare("INSERT INTO t (name) VALUES ('kept')").run();
    old.close();
    const db = openStore({ file, migrations: V2 });
    expect(db.pragma("user_version", { simple: true })).toBe(2);
    expect(db.prepare("SELECT name, note FROM t").all()).toEqual([{ name: "kept", note: null }]);
    db.close();
  });

  it("refuses a file from a newer version rather than guess", () => {
    const file = join(dir.path, "u.sqlite");
    openStore({ file, migrations: V2 }).close();
    expect(() => openStore({ file, migrations: V1 })).toThrow(/schema version 2, newer than this ecofed knows \(1\)/);
  });

  it("refuses a corrupt file with one line naming it", () => {
    const file = join(dir.path, "u.sqlite");
    writeFileSync(file, "this is not a database, just text that happens to be long enough ".repeat(100));
    const attempt = () => openStore({ file, migrations: V1 });
    expect(attempt).toThrow(StoreOpenError);
    expect(attempt).toThrow(new RegExp(`data file ${file} is corrupt`));
  });

  it("refuses a file another process holds locked", () => {
    const file = join(dir.path, "u.sqlite");
    openStore({ file, migrations: V1 }).close();
    const holder = new Database(file);
    holder.exec("BEGIN EXCLUSIVE");
    try {
      expect(() => openStore({ file, migrations: V1 })).toThrow(`data file ${file} is locked by another process`);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
  });

  it("seeds once, atomically, and never over existing data", () => {
    const db = openStore({ file: join(dir.path, "u.sqlite"), migrations: V1 });
    const seed = (d: Database.Database) => d.prepare("INSERT INTO t (name) VALUES ('seed')").run();
    expect(seedOnce(db, seed)).toBe(true);
    expect(seedOnce(db, seed)).toBe(false);
    expect(() =>
      seedOnce(openStore({ file: join(dir.path, "v.sqlite"), migrations: V1 }), (d) => {
        seed(d);
        throw new Error("generator failed half-way");
      }),
    ).toThrow("half-way");
    const half = openStore({ file: join(dir.path, "v.sqlite"), migrations: V1 });
    expect(half.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 1 });
    db.close();
    half.close();
  });
});

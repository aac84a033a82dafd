import type Database from "better-sqlite3";

/**
 * The access log's dictionary: each repeated string of a record (unit, principal, coordinate,
 * owner, operation hash, policy version…) is stored once in `audit_strings`, and records and
 * their index keys hold its number — small integers, cheaper to write and to index
 * (bench/audit-store.ts). The table is append-only, so a number never changes meaning: a
 * cache of it never goes stale, it only misses strings added since, which it then loads.
 */
export class AuditStrings {
  private readonly ids = new Map<string, number>();
  private readonly values = new Map<number, string>();
  private loadedThrough = 0;
  private readonly since: Database.Statement;
  private readonly add: Database.Statement;

  constructor(db: Database.Database) {
    this.since = db.prepare(`SELECT id, value FROM audit_strings WHERE id > ? ORDER BY id`);
    this.add = db.prepare(`INSERT INTO audit_strings (value) VALUES (?)`);
  }

  /** The string's number, or null when no record holds that string. */
  find(value: string): number | null {
    const id = this.ids.get(value);
    if (id !== undefined) return id;
    this.load();
    return this.ids.get(value) ?? null;
  }

  /**
   * The string a number stands for; null for null, and for a number the table lacks (only
   * if someone deleted the string from the file: the record then no longer hashes to its
   * chain value, and verification reports it).
   */
  valueOf(id: number | null): string | null {
    if (id === null) return null;
    const value = this.values.get(id);
    if (value !== undefined) return value;
    if (id > this.loadedThrough) this.load();
    return this.values.get(id) ?? null;
  }

  /** Writer side, inside its write transaction: the string's number, adding the string if new. */
  intern(value: string | null): number | null {
    if (value === null) return null;
    const known = this.find(value);
    if (known !== null) return known;
    const id = Number(this.add.run(value).lastInsertRowid);
    this.remember(id, value);
    return id;
  }

  /** The highest number known now: after a rolled-back transaction, `forgetAbove` it. */
  get highest(): number {
    return this.loadedThrough;
  }

  /** Forgets the numbers above `id` — those a rolled-back transaction had added. */
  forgetAbove(id: number): void {
    for (let n = this.loadedThrough; n > id; n--) {
      const value = this.values.get(n);
      this.values.delete(n);
      if (value !== undefined) this.ids.delete(value);
    }
    this.loadedThrough = Math.min(this.loadedThrough, id);
  }

  private load(): void {
    for (const row of this.since.iterate(this.loadedThrough) as IterableIterator<{ id: number; value: string }>) this.remember(row.id, row.value);
  }

  private remember(id: number, value: string): void {
    this.ids.set(value, id);
    this.values.set(id, value);
    this.loadedThrough = Math.max(this.loadedThrough, id);
  }
}

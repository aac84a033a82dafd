import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { archiveBefore } from "../../audit/archive.js";
import { checkpointSigner } from "../../audit/checkpoint-signer.js";
import { recordsBetween } from "../../audit/export-records.js";
import { AUDIT_STORE_FILE, auditMigrations } from "../../audit/migrations.js";
import { baseConfig } from "../../gateway/config.js";
import { loadOrCreatePlatformKey } from "../../gateway/identity/platform-key.js";
import { openStore } from "../../storage/sqlite-store.js";
import { CliError } from "../cli-error.js";

/** `ecofed audit export --from T --to T` (NDJSON on stdout) and `ecofed audit archive --before T`. */
export async function auditCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { from: { type: "string" }, to: { type: "string" }, before: { type: "string" } } });
  const dataDir = baseConfig(process.env).dataDir;
  const file = join(dataDir, AUDIT_STORE_FILE);
  if (sub === "export") {
    const from = instant("--from", values.from);
    const to = instant("--to", values.to);
    if (from > to) throw new CliError("--from must not be after --to");
    if (!existsSync(file)) throw new CliError(`no audit log at ${file}`);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      for (const record of recordsBetween(db, from, to)) {
        if (!process.stdout.write(`${JSON.stringify(record)}\n`)) await new Promise((r) => process.stdout.once("drain", r));
      }
    } finally {
      db.close();
    }
    return;
  }
  if (sub === "archive") {
    const before = instant("--before", values.before);
    const key = await loadOrCreatePlatformKey(dataDir);
    // A command, not a server: it may wait for the running gateway's commits to let it in.
    const db = openStore({ file, migrations: auditMigrations, synchronous: "FULL", busyTimeoutMs: 10_000 });
    try {
      const result = await archiveBefore(db, before, join(dataDir, "audit-archive"), checkpointSigner(() => key));
      console.log(result ? `ecofed: archived records ${result.fromId}–${result.toId} to ${result.file} (sealed: ${result.sealFile})` : "ecofed: nothing to archive");
    } finally {
      db.close();
    }
    return;
  }
  throw new CliError(`usage: ecofed audit export --from <time> --to <time> | ecofed audit archive --before <time>`, 2);
}

function instant(flag: string, value: string | undefined): string {
  if (!value) throw new CliError(`${flag} <time> is required (RFC 3339, e.g. 2026-11-30T00:00:00+08:00)`, 2);
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(value)) throw new CliError(`${flag} must be an RFC 3339 time, got "${value}"`);
  return new Date(ms).toISOString();
}

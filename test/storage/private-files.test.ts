import { chmodSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../storage/sqlite-store.js";
import { startInProcessFederation, type InProcessFederation } from "../helpers/in-process-federation.js";
import { postGraphQL } from "../helpers/graphql-client.js";
import { tempDir } from "../helpers/temp-dir.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";

// Issue 13 §3: every <unit>.sqlite and audit.sqlite was world-readable. Under the most
// permissive umask, the data dir is 0700 and every store file (with its -wal and -shm) 0600.

const mode = (path: string): number => statSync(path).mode & 0o777;
let umask: number;
beforeAll(() => {
  umask = process.umask(0o000);
});
afterAll(() => {
  process.umask(umask);
});

describe("data files are private whatever the umask", () => {
  it("a new store and its directory", () => {
    const dir = tempDir("private");
    try {
      const file = join(dir.path, "nested", "unit.sqlite");
      const db = openStore({ file, migrations: [{ description: "t", up: (d) => d.exec("CREATE TABLE t (x)") }] });
      db.exec("INSERT INTO t VALUES (1)");
      expect(mode(join(dir.path, "nested"))).toBe(0o700);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, mode(f)]).toEqual([f, 0o600]);
      db.close();
    } finally {
      dir.remove();
    }
  });

  it("an existing world-readable store is made private when opened", () => {
    const dir = tempDir("private");
    try {
      const file = join(dir.path, "old.sqlite");
      writeFileSync(file, "");
      chmodSync(file, 0o666);
      chmodSync(dir.path, 0o777);
      openStore({ file, migrations: [] }).close();
      expect(mode(file)).toBe(0o600);
      expect(mode(dir.path)).toBe(0o700);
    } finally {
      dir.remove();
    }
  });

  describe("a whole federation's data dir", () => {
    let fed: InProcessFederation;
    beforeAll(async () => {
      fed = await startInProcessFederation();
      const res = await postGraphQL(fed.gateway.url, `{ divisions { code } }`, {}, asRequester(await tokenFor(fed.dataDir, "water"), "WORK_REFERENCE"));
      expect(res.status).toBe(200);
    });
    afterAll(async () => fed?.stop());

    it("is 0700, and no store, log, witness or key in it can be read by anyone else", () => {
      expect(mode(fed.dataDir)).toBe(0o700);
      const files = readdirSync(fed.dataDir).filter((f) => /\.sqlite(-wal|-shm)?$|platform-key\.json$/.test(f));
      expect(files).toEqual(expect.arrayContaining(["audit.sqlite", "audit-witness.sqlite", "water.sqlite", "platform-key.json"]));
      for (const f of files) expect([f, mode(join(fed.dataDir, f))]).toEqual([f, 0o600]);
    });
  });
});

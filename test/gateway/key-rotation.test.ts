import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { decodeJwt, exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditWriter } from "../../audit/audit-writer.js";
import { checkpointSigner } from "../../audit/checkpoint-signer.js";
import { AUDIT_STORE_FILE, auditMigrations } from "../../audit/migrations.js";
import { verifyAuditChain } from "../../audit/verify-chain.js";
import { demoEnterprises } from "../../demo/enterprises.js";
import { loadOrCreatePlatformKey, openPlatformKeyring, retirePlatformKey, rotatePlatformKey } from "../../gateway/identity/platform-key.js";
import { signToken, VerifiedTokens, verifyToken } from "../../gateway/identity/token.js";
import { openStore } from "../../storage/sqlite-store.js";
import { PlatformPublicKeys } from "../../subgraphs/_kit/platform-public-keys.js";
import { postGraphQL } from "../helpers/graphql-client.js";
import { startInProcessFederation, type InProcessFederation } from "../helpers/in-process-federation.js";
import { runCli } from "../helpers/cli-process.js";
import { sampleAccessEvent } from "../helpers/access-event.js";
import { tempDir } from "../helpers/temp-dir.js";
import { asRequester } from "../helpers/tokens.js";

// Issue 5: tokens carry the key id they were signed with; a rotation adds a key, old keys
// verify until retired — in the running gateway and its units, without a restart.
const requester = { unit: "water", principal: "w", roles: [] };
const e = demoEnterprises()[0]!;
// Crosses units, so the gateway's assertions to info-center and permits must verify too.
const QUERY = `query ($c: ID!) { enterprise(creditCode: $c) { name permit { permitNumber } } }`;

describe("platform key rotation in a running federation", () => {
  let fed: InProcessFederation;
  beforeAll(async () => {
    fed = await startInProcessFederation();
  });
  afterAll(() => fed?.stop());

  const ask = (token: string) => postGraphQL(fed.gateway.url, QUERY, { c: e.creditCode }, asRequester(token, "WORK_REFERENCE"));

  it("keeps old tokens valid after a rotation, refuses them once their key is retired", async () => {
    const oldKey = await loadOrCreatePlatformKey(fed.dataDir);
    const oldToken = await signToken(oldKey, requester);
    expect((await ask(oldToken)).body.data).toMatchObject({ enterprise: { name: e.name } });

    const newKid = await rotatePlatformKey(fed.dataDir);
    const newToken = await signToken(await loadOrCreatePlatformKey(fed.dataDir), requester);
    const served = await ask(newToken);
    expect(served.body.errors).toBeUndefined();
    expect(served.body.data).toMatchObject({ enterprise: { name: e.name, permit: {} } });
    expect((await ask(oldToken)).status).toBe(200);

    retirePlatformKey(fed.dataDir, oldKey.kid);
    const refused = await ask(oldToken);
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions?.["code"]).toBe("UNAUTHENTICATED");
    expect(JSON.stringify(refused.body)).not.toContain(e.name);
    expect((await ask(newToken)).body.data).toMatchObject({ enterprise: { name: e.name } });
    expect((await openPlatformKeyring(fed.dataDir)).list().map((k) => [k.kid, k.status])).toEqual([
      [oldKey.kid, "retired"],
      [newKid, "current"],
    ]);
  });

  it("serves nothing, with HTTP 503 IDENTITY_UNAVAILABLE, while the keyring is unreadable, and recovers when it is restored", async () => {
    const token = await signToken(await loadOrCreatePlatformKey(fed.dataDir), requester);
    const file = join(fed.dataDir, "platform-key.json");
    const intact = readFileSync(file, "utf8");
    writeFileSync(file, "{ not a keyring");
    try {
      const refused = await ask(token);
      expect(refused.status).toBe(503);
      expect(refused.body.errors?.map((x) => x.extensions?.["code"])).toEqual(["IDENTITY_UNAVAILABLE"]);
      expect(refused.body.data).toBeUndefined();
      expect(JSON.stringify(refused.body)).not.toContain(e.name);
    } finally {
      writeFileSync(file, intact, { mode: 0o600 });
    }
    expect((await ask(token)).body.data).toMatchObject({ enterprise: { name: e.name } });
  });
});

describe("the platform keyring", () => {
  const dir = tempDir("keyring");
  afterAll(() => dir.remove());

  it("reads a data dir from before rotation existed (one key, version 1) and keeps its tokens valid", async () => {
    const pair = await generateKeyPair("ES256", { extractable: true });
    const v1 = { kid: "v1-key", alg: "ES256", privateJwk: await exportJWK(pair.privateKey), publicJwk: await exportJWK(pair.publicKey), createdAt: "2026-01-01T00:00:00.000Z" };
    writeFileSync(join(dir.path, "platform-key.json"), JSON.stringify(v1));
    const keyring = await openPlatformKeyring(dir.path);
    expect(keyring.current().kid).toBe("v1-key");
    const token = await signToken(keyring.current(), requester);
    expect(await verifyToken(keyring, token)).toEqual(requester);
    expect(new PlatformPublicKeys(dir.path).credentialKey("v1-key")).not.toBeNull();
  });

  it("a token verified once is refused once it expires, and once its key is retired, though remembered", async () => {
    const keyring = await openPlatformKeyring(dir.path);
    const tokens = new VerifiedTokens(keyring);
    // exp is in whole seconds: two of them, so the first check cannot already be past it.
    const shortLived = await signToken(keyring.current(), requester, 2);
    expect(await tokens.verify(shortLived)).toEqual(requester);
    await new Promise((r) => setTimeout(r, decodeJwt(shortLived).exp! * 1000 - Date.now() + 50));
    await expect(tokens.verify(shortLived)).rejects.toMatchObject({ httpStatus: 401 });

    const token = await signToken(keyring.current(), requester);
    expect(await tokens.verify(token)).toEqual(requester);
    const kid = keyring.current().kid;
    await rotatePlatformKey(dir.path);
    expect(await tokens.verify(token)).toEqual(requester);
    retirePlatformKey(dir.path, kid);
    await expect(tokens.verify(token)).rejects.toMatchObject({ httpStatus: 401 });
  });

  it("verifies audit checkpoints signed by a key that was retired since", async () => {
    const db = openStore({ file: join(dir.path, AUDIT_STORE_FILE), migrations: auditMigrations });
    try {
      const keyring = await openPlatformKeyring(dir.path);
      const writer = new AuditWriter(db, checkpointSigner(() => keyring.current()));
      const event = sampleAccessEvent({ at: new Date().toISOString(), purpose: null });
      await writer.append([event]);
      const firstKid = keyring.current().kid;
      await writer.checkpoint();
      await rotatePlatformKey(dir.path);
      retirePlatformKey(dir.path, firstKid);
      await writer.append([event]);
      await writer.close();
      const keys = new PlatformPublicKeys(dir.path);
      expect(keys.credentialKey(firstKid)).toBeNull();
      expect(await verifyAuditChain(db, (kid) => keys.historyKey(kid))).toMatchObject({ ok: true, records: 2 });
    } finally {
      db.close();
    }
  });

  it("ecofed key: refuses to retire the current key, and bad usage, in one line", async () => {
    const env = { ECOFED_DATA_DIR: dir.path };
    const current = (await openPlatformKeyring(dir.path)).current().kid;
    const retire = await runCli(["key", "retire", current], env);
    expect(retire.code).toBe(1);
    expect(retire.stderr.trim().split("\n")).toEqual([`ecofed: key "${current}" is the current signing key; rotate first`]);
    const usage = await runCli(["key", "spin"], env);
    expect(usage.code).toBe(2);
    const rotate = await runCli(["key", "rotate"], env);
    expect(rotate.code).toBe(0);
    const next = rotate.stdout.trim();
    expect(rotate.stderr).toContain(`ecofed: key ${next} signs tokens and assertions from the next request; ${current} still verif`);
    const list = await runCli(["key", "list"], env);
    expect(list.stdout).toContain(`${next}  current`);
    const retired = await runCli(["key", "retire", current], env);
    expect([retired.code, retired.stdout.trim()]).toEqual([0, `ecofed: key ${current} retired: nothing signed with it is accepted from the next request`]);
  });
});

import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEnterprises } from "../../demo/enterprises.js";
import { serveGateway, type RunningGateway } from "../../gateway/serve-gateway.js";
import { governanceKeys } from "../../governance/published-state.js";
import { PUBLIC_KEY_FILE } from "../../schema/platform-keys.js";
import { postGraphQL, type GraphQLResponse } from "../helpers/graphql-client.js";
import { startInProcessFederation, type InProcessFederation } from "../helpers/in-process-federation.js";
import { tempDir } from "../helpers/temp-dir.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";

// CONTRACT §7: a grant, a revocation or a suspension takes effect on the very next request
// on EVERY gateway replica — shared through the real Redis (REDIS_URL), under a key prefix
// of this test's own so parallel suites never meet.
const REDIS_URL = process.env["REDIS_URL"] || "redis://127.0.0.1:6379";
const prefix = `ecofed-test-${randomUUID()}:`;
const replicaDir = tempDir("replica");
let fed: InProcessFederation;
let replica: RunningGateway;
const redis = createClient({ url: REDIS_URL });

beforeAll(async () => {
  await redis.connect();
  fed = await startInProcessFederation({ redis: { url: REDIS_URL, prefix } });
  // A second replica: its own data dir (its own audit log), the platform's keys.
  for (const file of ["platform-key.json", PUBLIC_KEY_FILE]) copyFileSync(join(fed.dataDir, file), join(replicaDir.path, file));
  replica = await serveGateway(
    { host: "127.0.0.1", port: 0, dataDir: replicaDir.path, defaultClass: null, redisUrl: REDIS_URL, redisPrefix: prefix, replicaId: "gw-1" },
    fed.supergraphSdl,
  );
});
afterAll(async () => {
  await replica?.close();
  await fed?.stop();
  const keys = governanceKeys(prefix);
  await redis.del([keys.state, keys.version]);
  await redis.close();
  replicaDir.remove();
});

const e = demoEnterprises().find((x) => x.inspected)!;
const INSPECTIONS = `query ($c: ID!) { enterprise(creditCode: $c) { inspections { date } } }`;

async function on(url: string, unit: string, roles: string[] = []) {
  const headers = asRequester(await tokenFor(fed.dataDir, unit, roles), "DATA_VERIFICATION");
  return (query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> => postGraphQL(url, query, variables, headers);
}
const reasonsOf = (res: GraphQLResponse): unknown[] =>
  (res.body.errors ?? []).map((err) => (err.extensions?.["share"] as { reason?: string } | undefined)?.reason ?? err.extensions?.["code"]);

describe("gateway replicas sharing governance state through Redis", () => {
  it("an approval made through one replica opens the field on the other at its next request; a revocation closes it", async () => {
    const permitsOnReplica = await on(replica.url, "permits");
    expect(reasonsOf(await permitsOnReplica(INSPECTIONS, { c: e.creditCode }))).toContain("OUT_OF_SCOPE");

    const permits = await on(fed.gateway.url, "permits");
    const applied = await permits(`mutation { applyForAccess(input: { coordinates: ["Enterprise.inspections", "Inspection.date"], purpose: DATA_VERIFICATION, justification: "verify" }) { id } }`);
    const id = (applied.body.data!["applyForAccess"] as { id: string }).id;
    const approver = await on(fed.gateway.url, "enforcement", ["approver"]);
    const decided = await approver(`mutation ($id: ID!) { decideApplication(id: $id, approve: true) { grant { id } } }`, { id });
    const grantId = (decided.body.data!["decideApplication"] as { grant: { id: string } }).grant.id;

    const read = await permitsOnReplica(INSPECTIONS, { c: e.creditCode });
    expect(read.body.errors).toBeUndefined();

    const approverOnReplica = await on(replica.url, "enforcement", ["approver"]);
    await approverOnReplica(`mutation ($id: ID!) { revokeGrant(id: $id, reason: "done") { status } }`, { id: grantId });
    expect(reasonsOf(await permits(INSPECTIONS, { c: e.creditCode }))).toContain("OUT_OF_SCOPE");
  });

  it("a suspension reaches both replicas; lifted, both serve again", async () => {
    const cac = await on(replica.url, "cac-office", ["cac-office"]);
    await cac(`mutation { suspendUnit(unit: "atmosphere", reason: "misuse found in the audit log") { active } }`);
    const QUERY = `query ($c: ID!) { enterprise(creditCode: $c) { name } }`;
    for (const url of [fed.gateway.url, replica.url]) expect(reasonsOf(await (await on(url, "atmosphere"))(QUERY, { c: e.creditCode }))).toEqual(["SUSPENDED"]);
    await cac(`mutation { liftSuspension(unit: "atmosphere", reason: "rectified") { active } }`);
    for (const url of [fed.gateway.url, replica.url]) expect((await (await on(url, "atmosphere"))(QUERY, { c: e.creditCode })).body.errors).toBeUndefined();
  });

  it("fails closed: without the shared state a replica serves nothing (503 GOVERNANCE_UNAVAILABLE)", async () => {
    const keys = governanceKeys(prefix);
    const saved = { state: await redis.get(keys.state), version: await redis.get(keys.version) };
    await redis.del([keys.state, keys.version]);
    try {
      const res = await (await on(replica.url, "water"))(`{ divisions { code } }`);
      expect(res.status).toBe(503);
      expect(res.body.errors?.[0]?.extensions?.["code"]).toBe("GOVERNANCE_UNAVAILABLE");
      expect(res.body.data ?? null).toBeNull();
    } finally {
      await redis.multi().set(keys.state, saved.state!).set(keys.version, saved.version!).exec();
    }
    expect((await (await on(replica.url, "water"))(`{ divisions { code } }`)).status).toBe(200);
  });

  it("refuses to start when REDIS_URL is unreachable, in one line", async () => {
    const dir = tempDir("no-redis");
    try {
      await expect(
        serveGateway({ host: "127.0.0.1", port: 0, dataDir: dir.path, defaultClass: null, redisUrl: "redis://127.0.0.1:1" }, fed.supergraphSdl),
      ).rejects.toThrow(/REDIS_URL redis:\/\/127\.0\.0\.1:1 is unreachable/);
    } finally {
      dir.remove();
    }
  });
});

import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCodes, postGraphQL } from "../helpers/graphql-client.js";
import { isAlive, startFederation, type RunningFederation } from "../helpers/federation.js";
import { tempDir } from "../helpers/temp-dir.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";

/*
 * Issue 14 items 8 and 9 as `npm start` runs them: every process in production (whatever
 * the shell's NODE_ENV: vitest's is "test"), ECOFED_INTROSPECTION's default and
 * ECOFED_CORS_ORIGINS read from the environment.
 */

const ORIGIN = "https://portal.example.gov";
const dir = tempDir("e2e-prod");
let federation: RunningFederation;

beforeAll(async () => {
  federation = await startFederation(dir.path, { NODE_ENV: "development", ECOFED_CORS_ORIGINS: ORIGIN });
});
afterAll(async () => {
  await federation?.process.stop();
  dir.remove();
});

describe("ecofed start in production", () => {
  it.skipIf(!existsSync("/proc/self/environ"))("runs every unit with NODE_ENV=production", () => {
    expect(federation.units.size).toBeGreaterThan(0);
    for (const [unit, { pid }] of federation.units) {
      const env = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
      expect(env, unit).toContain("NODE_ENV=production");
    }
  });

  it("runs the gateway in production: it shows nobody its query plan", async () => {
    const headers = { ...asRequester(await tokenFor(dir.path, "info-center")), "apollo-query-plan-experimental": "1" };
    const res = await postGraphQL(federation.url, `{ divisions { code } }`, {}, headers);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toContain("queryPlan");
  });

  it("lets an internal unit introspect and refuses an external department (ECOFED_INTROSPECTION unset)", async () => {
    const query = `{ __schema { queryType { name } } }`;
    const internal = await postGraphQL(federation.url, query, {}, asRequester(await tokenFor(dir.path, "water")));
    expect(internal.body).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
    const external = await postGraphQL(federation.url, query, {}, asRequester(await tokenFor(dir.path, "ext:somedept")));
    expect(external.status).toBe(403);
    expect(errorCodes(external.body)).toEqual([["INTROSPECTION_DISABLED", ""]]);
  });

  it("answers a preflight from ECOFED_CORS_ORIGINS before authentication", async () => {
    const res = await fetch(federation.url, { method: "OPTIONS", headers: { origin: ORIGIN, "access-control-request-method": "POST" } });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(ORIGIN);
  });

  it("still stops every process cleanly on SIGTERM (Apollo's own signal handling is off)", async () => {
    const pids = [...federation.units.values()].map((u) => u.pid);
    expect(await federation.process.stop()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(pids.filter(isAlive)).toEqual([]);
  });
});

import { readFileSync } from "node:fs";
import { request } from "node:https";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium } from "playwright-core";
import { BUILT_CONSOLE_DIR } from "../../gateway/config.js";
import { caPaths, initCa, issueCertificate } from "../../gateway/identity/platform-ca.js";
import { CHROMIUM, CHROMIUM_FLAGS } from "../browser/console-harness.js";
import { runCli } from "../helpers/cli-process.js";
import { startInProcessFederation, type InProcessFederation } from "../helpers/in-process-federation.js";
import { tempDir } from "../helpers/temp-dir.js";
import { tokenFor } from "../helpers/tokens.js";

// Art. 24: identity from certificates of the platform CA, over real TLS, with certificates
// made by the CLI as an operator would make them.
let fed: InProcessFederation;
const foreign = tempDir("foreign-ca");
beforeAll(async () => {
  // With the console npm run build wrote: a browser holding a certificate signs in by it.
  fed = await startInProcessFederation({ tls: true, consoleDir: BUILT_CONSOLE_DIR });
});
afterAll(async () => {
  await fed?.stop();
  foreign.remove();
});

interface Reply { status: number; body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } }

function ask(client: { key?: string; cert?: string; token?: string }, query = "{ divisions { code } }"): Promise<Reply> {
  const url = new URL(fed.gateway.url);
  const body = JSON.stringify({ query });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        ca: readFileSync(caPaths(fed.dataDir).cert, "utf8"),
        ...(client.key ? { key: client.key, cert: client.cert } : {}),
        headers: {
          "content-type": "application/json",
          "x-share-purpose": "WORK_REFERENCE",
          ...(client.token ? { authorization: `Bearer ${client.token}` } : {}),
        },
      },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Reply["body"] }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function cliIssue(unit: string, principal: string): Promise<{ serial: string; key: string; cert: string }> {
  const run = await runCli(["cert", "issue", "--unit", unit, "--principal", principal, "--days", "1"], { ECOFED_DATA_DIR: fed.dataDir });
  expect(run.stderr).toBe("");
  const [, serial, certFile, keyFile] = run.stdout.match(/issued serial (\S+) to .*: (\S+) (\S+)/)!;
  return { serial: serial!, key: readFileSync(keyFile!, "utf8"), cert: readFileSync(certFile!, "utf8") };
}

const unauthenticated = (reply: Reply): void => {
  expect(reply.status).toBe(401);
  expect(reply.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  expect(reply.body.data).toBeUndefined();
};

describe("the gateway over TLS with client certificates", () => {
  it("serves a certificate issued by the platform CA with the CLI", async () => {
    const reply = await ask(await cliIssue("water", "alice"));
    expect(reply.status).toBe(200);
    expect((reply.body.data as { divisions: unknown[] }).divisions).toHaveLength(31);
  });

  it("says who a certificate signs in as (the console's sign-in under --tls): its unit and principal, by CERTIFICATE", async () => {
    const reply = await ask(await cliIssue("soil", "carol"), "{ whoami { unit principal roles purpose credential } }");
    expect(reply.status).toBe(200);
    expect(reply.body.data).toEqual({ whoami: { unit: "soil", principal: "carol", roles: [], purpose: "WORK_REFERENCE", credential: "CERTIFICATE" } });
  });

  it("signs a browser holding a certificate into the console by it, with no token asked", async () => {
    const client = await cliIssue("soil", "dora");
    const origin = new URL(fed.gateway.url).origin;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
    try {
      // The gateway's certificate is the platform CA's, which this fresh browser profile does not know.
      const context = await browser.newContext({ ignoreHTTPSErrors: true, clientCertificates: [{ origin, cert: Buffer.from(client.cert), key: Buffer.from(client.key) }] });
      const page = await context.newPage();
      await page.goto(`${origin}/console/catalog`);
      await page.getByTestId("whoami-unit").filter({ hasText: "soil" }).waitFor();
      expect(await page.getByTestId("whoami").getAttribute("title")).toBe("CERTIFICATE");
      expect(await page.getByTestId("whoami").textContent()).toContain("dora");
      expect(await page.getByLabel("令牌 / Token").count()).toBe(0);
      // Nothing was kept: the certificate is the credential, at every request.
      expect(await page.evaluate<string | null>('sessionStorage.getItem("ecofed.token")')).toBeNull();
      // Without the certificate the same console shows the sign-in form.
      const bare = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
      await bare.goto(`${origin}/console/catalog`);
      await bare.getByLabel("令牌 / Token").waitFor();
      expect(await bare.getByRole("button", { name: "使用客户端证书登录" }).count()).toBe(1);
    } finally {
      await browser.close();
    }
  });

  it("refuses a revoked certificate from the next request, without a restart", async () => {
    const client = await cliIssue("water", "bob");
    expect((await ask(client)).status).toBe(200);
    const run = await runCli(["cert", "revoke", client.serial], { ECOFED_DATA_DIR: fed.dataDir });
    expect(run.code).toBe(0);
    unauthenticated(await ask(client));
  });

  it.each([
    ["expired", { notBefore: new Date(Date.now() - 10 * 86_400_000) }],
    ["not yet valid", { notBefore: new Date(Date.now() + 5 * 86_400_000) }],
  ])("refuses a certificate that is %s", async (_name, window) => {
    const issued = await issueCertificate(fed.dataDir, { requester: { unit: "water", principal: "carol", roles: [] }, days: 1, ...window });
    unauthenticated(await ask({ key: issued.keyPem, cert: issued.certPem }));
  });

  it("refuses a certificate of another CA, and a self-signed one", async () => {
    await initCa(foreign.path);
    const other = await issueCertificate(foreign.path, { requester: { unit: "water", principal: "mallory", roles: ["security"] }, days: 1 });
    unauthenticated(await ask({ key: other.keyPem, cert: other.certPem }));
    const selfSigned = { key: readFileSync(caPaths(foreign.path).key, "utf8"), cert: readFileSync(caPaths(foreign.path).cert, "utf8") };
    unauthenticated(await ask(selfSigned));
  });

  it("keeps bearer tokens working for service accounts, and refuses a request with neither", async () => {
    expect((await ask({ token: await tokenFor(fed.dataDir, "water") })).status).toBe(200);
    unauthenticated(await ask({}));
  });
});

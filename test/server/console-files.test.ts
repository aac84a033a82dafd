import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSOLE_CSP, consoleFiles } from "../../server/console-files.js";
import { sendHostile, type Answer } from "../helpers/raw-http.js";
import { tempDir } from "../helpers/temp-dir.js";

/* Issue 16: the console's static files — what a browser is given, and what an attacker is not. */

const SCRIPT = `export const app = ${JSON.stringify("x".repeat(4000))};\n`;
let dir: ReturnType<typeof tempDir>;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = tempDir("console-files");
  const bundle = join(dir.path, "bundle");
  mkdirSync(join(bundle, "assets"), { recursive: true });
  writeFileSync(join(bundle, "index.html"), "<!doctype html><title>console</title>");
  writeFileSync(join(bundle, "assets", "index-abc123.js"), SCRIPT);
  writeFileSync(join(bundle, "assets", "font-x.woff2"), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(bundle, ".built-from"), "digest");
  writeFileSync(join(bundle, "notes.unknownext"), "what is this");
  writeFileSync(join(dir.path, "secret.txt"), "platform key");
  symlinkSync(join(dir.path, "secret.txt"), join(bundle, "assets", "leak.txt"));
  const files = consoleFiles(bundle);
  server = createServer((req, res) => void files.answer(req, res, new URL(req.url ?? "/", "http://x").pathname));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  dir.remove();
});

const get = (path: string, headers: [string, string][] = []): Promise<Answer> => sendHostile(base, { method: "GET", path, headers, body: undefined });
const code = (answer: Answer): string => (JSON.parse(answer.body.toString()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code;

describe("the console's files", () => {
  it("serves the page for the console's root and for every route of the app, never cached stale", async () => {
    for (const path of ["/console/", "/console/catalog", "/console/security?decision=DENIED", "/console/catalog/"]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(200);
      expect(answer.body.toString()).toContain("<title>console</title>");
      expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(answer.headers["cache-control"]).toBe("no-cache");
      expect(answer.headers["content-security-policy"]).toBe(CONSOLE_CSP);
    }
  });

  it("sends /console to /console/ (relative asset URLs need the slash)", async () => {
    const answer = await get("/console");
    expect(answer.status).toBe(308);
    expect(answer.headers["location"]).toBe("/console/");
  });

  it("allows the page nothing but its own origin: no inline script, no framing, no plug-ins", () => {
    expect(CONSOLE_CSP).toContain("default-src 'self'");
    expect(CONSOLE_CSP).toMatch(/script-src 'self'(;|$)/);
    expect(CONSOLE_CSP).toContain("frame-ancestors 'none'");
    expect(CONSOLE_CSP).toContain("object-src 'none'");
    expect(CONSOLE_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it("serves hashed assets for good, compressed for a browser that accepts it, the same bytes either way", async () => {
    const plain = await get("/console/assets/index-abc123.js");
    expect(plain.status).toBe(200);
    expect(plain.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(plain.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(plain.body.toString()).toBe(SCRIPT);
    const br = await get("/console/assets/index-abc123.js", [["accept-encoding", "gzip, deflate, br"]]);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 10);
    const gzip = await get("/console/assets/index-abc123.js", [["accept-encoding", "gzip"]]);
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);
    // A font is compressed already: sent as it is.
    const font = await get("/console/assets/font-x.woff2", [["accept-encoding", "br"]]);
    expect(font.headers["content-type"]).toBe("font/woff2");
    expect(font.headers["content-encoding"]).toBeUndefined();
  });

  it("answers a revalidation with 304 and no body", async () => {
    const first = await get("/console/assets/index-abc123.js");
    const again = await get("/console/assets/index-abc123.js", [["if-none-match", String(first.headers["etag"])]]);
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("refuses every way out of the bundle with a coded 404, and serves no dot-file", async () => {
    for (const path of [
      "/console/..%2fsecret.txt",
      "/console/assets/..%2f..%2fsecret.txt",
      "/console/%2e%2e/secret.txt",
      "/console/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
      "/console/assets/..%5c..%5csecret.txt",
      "/console/assets/leak.txt",
      "/console/.built-from",
      "/console/assets/index-abc123.js%00.html",
      "/console//etc/passwd",
      "/console/%E0%A4%A",
      "/console/notes.unknownext",
      "/console/assets/missing-000.js",
    ]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(code(answer), path).toBe("NOT_FOUND");
      expect(answer.body.toString(), path).not.toContain("platform key");
    }
  });

  it("is read only: another method is a coded 405 naming the ones allowed", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const answer = await sendHostile(base, { method, path: "/console/", headers: [["content-type", "text/plain"]], body: Buffer.from("x") });
      expect(answer.status, method).toBe(405);
      expect(answer.headers["allow"]).toBe("GET, HEAD");
      expect(code(answer)).toBe("METHOD_NOT_ALLOWED");
    }
    const head = await sendHostile(base, { method: "HEAD", path: "/console/catalog", headers: [], body: undefined });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });
});

describe("a console that is not built", () => {
  it("answers 503 CONSOLE_NOT_BUILT, saying how to build it", async () => {
    const empty = join(dir.path, "empty");
    mkdirSync(empty);
    const files = consoleFiles(empty);
    const other = createServer((req, res) => void files.answer(req, res, new URL(req.url ?? "/", "http://x").pathname));
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    try {
      const answer = await sendHostile(`http://127.0.0.1:${(other.address() as AddressInfo).port}`, { method: "GET", path: "/console/", headers: [], body: undefined });
      expect(answer.status).toBe(503);
      expect(code(answer)).toBe("CONSOLE_NOT_BUILT");
      expect(answer.body.toString()).toContain("npm run build");
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});

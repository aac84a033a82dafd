import { ApolloServer } from "@apollo/server";
import { buildSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listenGraphQL, type RunningHttpServer } from "../../server/graphql-http.js";
import { sendRawBytes } from "../helpers/raw-http.js";

// What Node's HTTP parser refuses is answered like any refusal: coded JSON, an X-Request-Id,
// the security headers (found by the fuzz: Node's bare "400 Bad Request" / "431" status lines).

let apollo: ApolloServer;
let http: RunningHttpServer;
beforeAll(async () => {
  apollo = new ApolloServer({ schema: buildSchema(`type Query { a: Int }`), rootValue: { a: 1 } });
  await apollo.start();
  http = await listenGraphQL({ apollo, host: "127.0.0.1", port: 0, context: async () => ({}), healthy: () => true });
});
afterAll(async () => {
  await http.close();
  await apollo.stop();
});

describe("a request Node's HTTP parser refuses", () => {
  it.each([
    ["an unknown method", "FOO /graphql HTTP/1.1\r\nHost: x\r\n\r\n", 400],
    ["a control byte in a header name", "GET /graphql HTTP/1.1\r\nHost: x\r\nX-Bad\u0001: y\r\n\r\n", 400],
    ["both Content-Length and Transfer-Encoding (request smuggling)", "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400],
    ["headers over 16 KiB", `GET /graphql HTTP/1.1\r\nHost: x\r\nX-A: ${"a".repeat(20_000)}\r\n\r\n`, 431],
  ])("%s: a coded JSON answer with its status, not Node's bare status line", async (_name, text, status) => {
    const answer = await sendRawBytes(http.url, Buffer.from(text, "latin1"));
    expect(answer.status).toBe(status);
    expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(answer.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(JSON.parse(answer.body.toString("utf8"))).toEqual({ errors: [{ message: expect.any(String), extensions: { code: "BAD_REQUEST" } }] });
  });

  it("a body cut short: the parser's 400, and no server error logged (the handler once answered it 500)", async () => {
    const logged = vi.spyOn(console, "error");
    try {
      const answer = await sendRawBytes(http.url, Buffer.from('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":', "latin1"));
      expect(answer.status).toBe(400);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it("leaves the server answering", async () => {
    const res = await fetch(http.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ a }" }) });
    expect(await res.json()).toEqual({ data: { a: 1 } });
  });
});

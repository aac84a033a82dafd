import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { endWithJson } from "../server/json-pieces.js";
import { utf8Body } from "../server/utf8-body.js";

/**
 * Benchmark probe: a plain Node HTTP server that answers every POST with one saved GraphQL
 * answer, serialized again each time (as a server does after execution): stringified and
 * written as a string (Node's own path) or through `utf8Body`, or written in pieces
 * (`endWithJson`, as ecofed's servers do).
 *   node dist/bench/answer-server.js ANSWER_FILE string|utf8|pieces
 * Prints `answer server ready at <url>`; SIGTERM or SIGINT stops it.
 */

const [file, mode] = process.argv.slice(2);
if (!file || (mode !== "string" && mode !== "utf8" && mode !== "pieces")) {
  console.error("usage: answer-server.js ANSWER_FILE string|utf8|pieces");
  process.exit(2);
}
const answer = JSON.parse(readFileSync(file, "utf8")) as unknown;

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.setHeader("content-type", "application/json; charset=utf-8");
    if (mode === "pieces") {
      endWithJson(res, answer);
      return;
    }
    const text = `${JSON.stringify(answer)}\n`;
    res.end(mode === "utf8" ? utf8Body(text) : text);
  });
});
server.listen(0, "127.0.0.1", () => {
  console.log(`answer server ready at http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
});
const stop = (): void => void server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

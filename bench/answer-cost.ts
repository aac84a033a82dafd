import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cpuSeconds, median, runLoad, spawnUntil, stopChild, warmUp, type Spawned } from "./harness.js";

/**
 * What an answer costs to serve, apart from computing it: a plain Node server stringifies
 * and writes one saved answer per request (bench/answer-server.ts), under the same
 * closed-loop load as the gateway benchmark, and its process's CPU per request is read
 * from /proc. Run on the answers of query (b), it separates what the contract's answer
 * (one SHARE_DENIED error per denied item, CONTRACT §4) costs any server from what
 * ecofed's enforcement costs.
 */

const SERVER = fileURLToPath(new URL("./answer-server.js", import.meta.url));
const ROUNDS = 4;
const ROUND_MS = 2_000;
const CONCURRENCY = 16;

const WRITE_MODES = ["string", "utf8", "pieces"] as const;
type WriteMode = (typeof WRITE_MODES)[number];

export interface SavedAnswer {
  readonly label: string;
  readonly text: string;
}

export interface AnswerCost {
  readonly label: string;
  readonly bytes: number;
  /** Median over the rounds of the server's CPU ms per request, by write mode. */
  readonly cpuMs: { readonly string: number; readonly utf8: number; readonly pieces: number };
}

export async function measureAnswerCost(answers: readonly SavedAnswer[], dir: string): Promise<AnswerCost[]> {
  const started: Spawned[] = [];
  try {
    const servers: { answer: number; mode: WriteMode; url: string; pid: number; bytes: number }[] = [];
    for (const [i, answer] of answers.entries()) {
      const file = join(dir, `answer-${i}.json`);
      writeFileSync(file, answer.text);
      for (const mode of WRITE_MODES) {
        const [, url] = await spawnUntil([SERVER, file, mode], { ...process.env, NODE_ENV: "production" }, /answer server ready at (\S+)/, started);
        servers.push({ answer: i, mode, url: url!, pid: started.at(-1)!.child.pid!, bytes: Buffer.byteLength(`${JSON.stringify(JSON.parse(answer.text))}\n`) });
      }
    }
    const perRequest = new Map(servers.map((s) => [s, [] as number[]]));
    for (const s of servers) await warmUp({ url: s.url, headers: {}, body: "{}" }, 100, CONCURRENCY);
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of servers) {
        const before = cpuSeconds(s.pid);
        const result = await runLoad({ url: s.url, headers: {}, body: "{}" }, ROUND_MS, s.bytes, CONCURRENCY);
        const after = cpuSeconds(s.pid);
        if (before !== null && after !== null && result.requests > 0) perRequest.get(s)!.push((1000 * (after - before)) / result.requests);
      }
    }
    return answers.map((answer, i) => {
      const of = (mode: WriteMode): number => median(perRequest.get(servers.find((s) => s.answer === i && s.mode === mode)!)!);
      return { label: answer.label, bytes: servers.find((s) => s.answer === i)!.bytes, cpuMs: { string: of("string"), utf8: of("utf8"), pieces: of("pieces") } };
    });
  } finally {
    await Promise.all(started.map((s) => stopChild(s.child)));
  }
}

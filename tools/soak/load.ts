import { createWriteStream } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import type { GroupExpectation } from "./expectations.js";
import { GatewayClient, requesterHeaders } from "./gateway-client.js";
import type { Leak, LeakScanner } from "./leak-scan.js";
import { SeededRandom } from "./seeded-random.js";
import { groupOf, nextRequest, type TemplateKind, type Variant, type VariablePool } from "./workload.js";

/** One request of the load and what came of it (its body is in responses.ndjson). */
export interface Answer {
  readonly seq: number;
  /** Milliseconds after the load started. */
  readonly at: number;
  readonly template: string;
  readonly kind: TemplateKind;
  readonly variant: Variant;
  readonly unit: string;
  readonly purpose: string | null;
  readonly group: string;
  /** 0: no answer (connection refused or dropped, or timed out). */
  readonly status: number;
  readonly requestId: string | null;
  /** The distinct `extensions.code`s of its errors, in order. */
  readonly codes: readonly string[];
  readonly latencyMs: number;
  readonly error: string | null;
  readonly leaks: readonly Leak[];
}

export interface LoadSettings {
  readonly url: string;
  readonly durationMs: number;
  readonly maxRequests: number;
  readonly concurrency: number;
  readonly seed: number;
  /** Every request and its full answer, one JSON line each. */
  readonly responsesFile: string;
}

export interface LoadContext {
  readonly tokens: ReadonlyMap<string, string>;
  readonly pool: VariablePool;
  readonly groups: ReadonlyMap<string, GroupExpectation>;
  readonly scanner: LeakScanner;
}

/** A connection the gateway refused or dropped, or a 503 ("try again later"): wait a little rather than spin while it is down. */
const RETRY_AFTER_ERROR_MS = 100;

/**
 * Closed-loop load: `concurrency` clients, each sending its next request as soon as its last
 * one is answered, until the duration is up or the requests are all sent. Every answer's body
 * is scanned for denied values as it arrives and written out whole.
 */
export async function runLoad(settings: LoadSettings, context: LoadContext): Promise<Answer[]> {
  const client = new GatewayClient(settings.url, settings.concurrency);
  const out = createWriteStream(settings.responsesFile);
  const answers: Answer[] = [];
  const started = performance.now();
  const deadline = started + settings.durationMs;
  let sent = 0;
  const worker = async (index: number): Promise<void> => {
    const rng = new SeededRandom(settings.seed * 1_000 + index);
    while (performance.now() < deadline && sent < settings.maxRequests) {
      const seq = sent++;
      const planned = nextRequest(rng, context.pool);
      const at = performance.now() - started;
      const token = planned.variant === "bad-token" ? "not-a-token" : context.tokens.get(planned.unit)!;
      const group = groupOf(planned.template.name, planned.unit, planned.purpose);
      let answer: Answer;
      try {
        const res = await client.post(planned.body, requesterHeaders(token, planned.purpose));
        const parsed = parse(res.body);
        const expectation = planned.variant === "normal" ? context.groups.get(group) : undefined;
        answer = {
          seq, at, template: planned.template.name, kind: planned.template.kind, variant: planned.variant, unit: planned.unit, purpose: planned.purpose, group,
          status: res.status, requestId: res.requestId, codes: codesOf(parsed), latencyMs: res.latencyMs, error: null,
          leaks: expectation ? context.scanner.scan(res.body, parsed, expectation.decisions) : [],
        };
        out.write(`${JSON.stringify({ ...answer, body: res.body })}\n`);
        if (res.status === 503) await sleep(RETRY_AFTER_ERROR_MS);
      } catch (error) {
        answer = {
          seq, at, template: planned.template.name, kind: planned.template.kind, variant: planned.variant, unit: planned.unit, purpose: planned.purpose, group,
          status: 0, requestId: null, codes: [], latencyMs: performance.now() - started - at, error: (error as NodeJS.ErrnoException).code ?? (error as Error).message, leaks: [],
        };
        out.write(`${JSON.stringify(answer)}\n`);
        await sleep(RETRY_AFTER_ERROR_MS);
      }
      answers.push(answer);
    }
  };
  try {
    await Promise.all(Array.from({ length: settings.concurrency }, (_, i) => worker(i)));
  } finally {
    client.close();
    await new Promise<void>((resolve) => out.end(() => resolve()));
  }
  return answers.sort((a, b) => a.seq - b.seq);
}

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

function codesOf(parsed: unknown): string[] {
  if (parsed === null || typeof parsed !== "object") return ["(not JSON)"];
  const errors = (parsed as { errors?: { extensions?: { code?: unknown } }[] }).errors ?? [];
  return [...new Set(errors.map((e) => (typeof e.extensions?.code === "string" ? e.extensions.code : "(no code)")))];
}

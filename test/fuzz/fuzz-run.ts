import fc from "fast-check";
import { answerKind, codedAnswerProblem, describeTally } from "./coded-answer.js";
import type { Answer } from "../helpers/raw-http.js";

/** How long one property may run (FUZZ_TIME_LIMIT_MS): well inside the test's timeout. */
const FUZZ_TIME_LIMIT_MS = Number(process.env["FUZZ_TIME_LIMIT_MS"] ?? 25_000);

/**
 * Runs `property` a bounded number of times from a seed that is printed first: fast-check's
 * own random seed unless FUZZ_SEED replays one; FUZZ_RUNS explores further. A failure
 * throws what was sent and how it was answered, with the seed and path to replay it.
 * Resolves with the number of runs made.
 */
export async function runFuzz<T>(name: string, arbitrary: fc.Arbitrary<T>, property: (value: T) => Promise<void>, defaultRuns: number): Promise<number> {
  const seed = process.env["FUZZ_SEED"] ? Number(process.env["FUZZ_SEED"]) : Date.now() ^ Math.floor(Math.random() * 0x1_0000_0000);
  const numRuns = Number(process.env["FUZZ_RUNS"] ?? defaultRuns);
  const started = Date.now();
  // Bounded in time too: a slow machine runs fewer, and a failure's shrinking is cut short
  // (reported as far as it got) rather than running into the test's timeout.
  const details = await fc.check(fc.asyncProperty(arbitrary, property), { seed, numRuns, interruptAfterTimeLimit: FUZZ_TIME_LIMIT_MS });
  console.log(`fuzz ${name}: seed ${seed}, ${details.numRuns} runs in ${Date.now() - started} ms${details.interrupted ? " (time limit reached)" : ""} (replay with FUZZ_SEED=${seed})`);
  if (!details.failed) return details.numRuns;
  // The request that failed is in the error (shortened); fast-check's counterexample may be megabytes long.
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`fuzz ${name} failed after ${details.numRuns} runs (FUZZ_SEED=${seed}, path ${details.counterexamplePath}, shrunk ${details.numShrinks} times):\n${error}`);
}

/** Tallies answers by kind and says, for a failed expectation, what was sent. */
export class AnswerLog {
  readonly tally = new Map<string, number>();

  /** Sends, and throws unless a coded answer came (in time); counts it. */
  async ask(send: () => Promise<Answer>, method: string, sent: () => string): Promise<void> {
    let answer: Answer;
    const started = Date.now();
    try {
      answer = await send();
      // FUZZ_SLOW=<ms> prints what took longer than that to answer.
      if (process.env["FUZZ_SLOW"] && Date.now() - started > Number(process.env["FUZZ_SLOW"])) console.log(`slow (${Date.now() - started} ms): ${sent()}`);
    } catch (error) {
      throw new Error(`no answer: ${(error as Error).message}\n  sent: ${sent()}`);
    }
    const problem = codedAnswerProblem(answer, method);
    if (problem) throw new Error(`${problem}\n  sent: ${sent()}`);
    const kind = answerKind(answer, method);
    // FUZZ_SHOW=<code> prints what was answered with that code (or `data`), to look into one kind.
    if (process.env["FUZZ_SHOW"] && kind.endsWith(process.env["FUZZ_SHOW"])) console.log(`${kind}: ${sent()}\n  answer: ${answer.body.subarray(0, 400).toString("utf8")}`);
    this.tally.set(kind, (this.tally.get(kind) ?? 0) + 1);
  }

  count(kind: string): number {
    return this.tally.get(kind) ?? 0;
  }

  toString(): string {
    return describeTally(this.tally);
  }
}

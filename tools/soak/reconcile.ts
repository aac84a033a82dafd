import type { ExportedRecord } from "./ecofed-cli.js";
import { LIMIT_REFUSAL_RECORDS, recordKey, type GroupExpectation, type RecordKey } from "./expectations.js";
import type { Answer } from "./load.js";

export interface Reconciliation {
  /** Answers whose records were looked for. */
  readonly requestsReconciled: number;
  readonly recordsExpected: number;
  /** Expected (coordinate, owner, decision) records absent from the log. */
  readonly recordsMissing: number;
  readonly requestsWithMissing: number;
  /** Records of requests answered with a refusal nothing is recorded for (400 validation, 401…). */
  readonly unexpectedRecords: number;
  readonly samples: readonly string[];
}

/**
 * Which records an answer needs in the audit log (README "For the security team"): a 200
 * answer one per coordinate, decided as `explain` decided its group; a 400 OPERATION_LIMIT
 * refusal its one `Query`/`platform`/DENIED record. Nothing else (a 503 served nothing, a
 * 400 before execution or a 401 decided nothing).
 */
export function recordsNeeded(answer: Answer, groups: ReadonlyMap<string, GroupExpectation>): ReadonlySet<RecordKey> | null {
  if (answer.status === 400 && answer.codes.includes("OPERATION_LIMIT")) return LIMIT_REFUSAL_RECORDS;
  if (answer.status !== 200) return null;
  return groups.get(answer.group)?.records ?? null;
}

/** Reconciles the answers against every record the log holds (fed in by `feed`). */
export class Reconciler {
  private readonly waiting = new Map<string, { answer: Answer; missing: Set<RecordKey> }>();
  private readonly recordless = new Set<string>();
  private unexpected = 0;
  private expected = 0;

  constructor(answers: readonly Answer[], groups: ReadonlyMap<string, GroupExpectation>) {
    for (const answer of answers) {
      const needed = recordsNeeded(answer, groups);
      if (!needed) {
        if (answer.status !== 0 && answer.status !== 503 && answer.requestId) this.recordless.add(answer.requestId);
        continue;
      }
      // One without X-Request-Id cannot be looked up; the report counts those among all answers.
      if (!answer.requestId) continue;
      this.expected += needed.size;
      this.waiting.set(answer.requestId, { answer, missing: new Set(needed) });
    }
  }

  feed(record: ExportedRecord): void {
    const waiting = this.waiting.get(record.requestId);
    if (waiting) waiting.missing.delete(recordKey(record.coordinate, record.owner, record.decision));
    else if (this.recordless.has(record.requestId)) this.unexpected++;
  }

  result(): Reconciliation {
    const short = [...this.waiting.values()].filter((w) => w.missing.size > 0);
    return {
      requestsReconciled: this.waiting.size,
      recordsExpected: this.expected,
      recordsMissing: short.reduce((sum, w) => sum + w.missing.size, 0),
      requestsWithMissing: short.length,
      unexpectedRecords: this.unexpected,
      samples: short.slice(0, 5).map(
        (w) => `${w.answer.requestId} (${w.answer.group}, HTTP ${w.answer.status} ${w.answer.codes.join(",")}, +${(w.answer.at / 1000).toFixed(1)} s): missing ${[...w.missing].slice(0, 4).join("; ")}${w.missing.size > 4 ? "; …" : ""}`,
      ),
    };
  }
}

import type { FaultOutcome } from "./faults.js";
import type { Answer } from "./load.js";
import type { Reconciliation } from "./reconcile.js";

export interface SoakFigures {
  readonly settings: string;
  readonly loadMs: number;
  readonly answers: readonly Answer[];
  readonly reconciliation: Reconciliation;
  readonly valuesScanned: number;
  readonly controlHits: ReadonlyMap<string, number>;
  readonly faults: readonly FaultOutcome[];
  readonly restarts: { readonly units: number; readonly gateway: number; readonly redis: number; readonly redisCuts: number; readonly orphansKilled: number };
  /** The federation served again at the end (probe and /health). */
  readonly cameBack: boolean;
  readonly stoppedCleanly: boolean;
  readonly integrity: string;
}

/** What failed the run, if anything: the run exits 1 when this is not empty. */
export function failures(f: SoakFigures): string[] {
  const out: string[] = [];
  if (f.reconciliation.recordsMissing > 0) out.push(`${f.reconciliation.recordsMissing} audit records missing`);
  const leaked = f.answers.reduce((sum, a) => sum + a.leaks.length, 0);
  if (leaked > 0) out.push(`${leaked} denied values leaked`);
  if (!f.cameBack) out.push("the federation did not come back");
  for (const fault of f.faults) if (fault.problem) out.push(`${fault.kind}${fault.target ? ` (${fault.target})` : ""} at +${(fault.at / 1000).toFixed(1)} s: ${fault.problem}`);
  const noId = f.answers.filter((a) => a.status !== 0 && !a.requestId).length;
  if (noId > 0) out.push(`${noId} answers without X-Request-Id`);
  if (f.integrity.startsWith("NOT ok")) out.push(`auditIntegrity: ${f.integrity}`);
  const serverErrors = f.answers.filter((a) => a.status >= 500 && a.status !== 503).length;
  if (serverErrors > 0) out.push(`${serverErrors} answers with HTTP 5xx other than 503`);
  return out;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (x: number): string => (Number.isNaN(x) ? "-" : `${x.toFixed(1)} ms`);
const pad = (label: string): string => label.padEnd(24);

/** The soak's report, as printed. */
export function formatReport(f: SoakFigures): string {
  const lines: string[] = [];
  const answered = f.answers.filter((a) => a.status !== 0);
  const unanswered = f.answers.filter((a) => a.status === 0);
  const leaks = f.answers.flatMap((a) => a.leaks.map((l) => ({ a, l })));
  const r = f.reconciliation;
  lines.push(`ecofed soak — ${f.settings}`);
  lines.push(`${pad("requests")}${f.answers.length} in ${(f.loadMs / 1000).toFixed(1)} s (${(f.answers.length / (f.loadMs / 1000)).toFixed(1)}/s): ${answered.length} answered, ${unanswered.length} not (${summarise(unanswered.map((a) => a.error ?? "?"))})`);
  lines.push("answers by status and code");
  const byStatus = new Map<string, number>();
  for (const a of answered) {
    const key = `${a.status} ${a.codes.length === 0 ? "(no error)" : a.codes.join("+")}`;
    byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
  }
  for (const [key, n] of [...byStatus].sort((x, y) => x[0].localeCompare(y[0]))) lines.push(`  ${key.padEnd(48)} ${String(n).padStart(7)}`);
  lines.push(`${pad("records missing")}${r.recordsMissing} (of ${r.recordsExpected} expected for ${r.requestsReconciled} answers with a request id${r.requestsWithMissing ? `; ${r.requestsWithMissing} answers short` : ""})`);
  for (const sample of r.samples) lines.push(`  ${sample}`);
  if (r.unexpectedRecords > 0) lines.push(`  (${r.unexpectedRecords} records of requests refused before any decision: not expected, not an error)`);
  lines.push(`${pad("values leaked")}${leaks.length} (${f.valuesScanned} denied values looked for in every answer of a requester denied them)`);
  for (const { a, l } of leaks.slice(0, 5)) lines.push(`  ${a.requestId} (${a.group}): ${l.coordinate} = ${l.value.slice(0, 40)}`);
  const control = [...f.controlHits].map(([c, n]) => `${c} ${n}`).join(", ");
  lines.push(`${pad("  control")}the same values found in answers of requesters allowed them: ${control || "none (the scan may be blind)"}`);
  const rs = f.restarts;
  lines.push(`${pad("restarts observed")}units ${rs.units} (supervisor "restarted" lines), gateway ${rs.gateway} (ecofed start killed and started again), redis ${rs.redis} (+ ${rs.redisCuts} cuts through the proxy)${rs.orphansKilled ? `; ${rs.orphansKilled} orphaned units killed by the soak` : ""}`);
  for (const fault of f.faults) {
    lines.push(`  +${(fault.at / 1000).toFixed(1).padStart(5)} s ${fault.kind.padEnd(14)} ${(fault.target ?? "").padEnd(14)} ${fault.problem ?? `serving again after ${((fault.recoveredMs ?? 0) / 1000).toFixed(1)} s`}`);
  }
  const all = answered.map((a) => a.latencyMs).sort((x, y) => x - y);
  const ok = answered.filter((a) => a.status === 200).map((a) => a.latencyMs).sort((x, y) => x - y);
  lines.push(`${pad("latency")}p50 ${ms(percentile(all, 50))}, p99 ${ms(percentile(all, 99))} (every answer); 200s: p50 ${ms(percentile(ok, 50))}, p99 ${ms(percentile(ok, 99))}`);
  lines.push(`${pad("came back")}${f.cameBack ? "yes" : "NO"}; stopped cleanly: ${f.stoppedCleanly ? "yes" : "no"}; audit integrity: ${f.integrity}`);
  const failed = failures(f);
  lines.push(`${pad("result")}${failed.length === 0 ? "PASS" : `FAIL — ${failed.join("; ")}`}`);
  return lines.join("\n");
}

function summarise(values: readonly string[]): string {
  if (values.length === 0) return "none";
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([v, n]) => `${v} ${n}`).join(", ");
}

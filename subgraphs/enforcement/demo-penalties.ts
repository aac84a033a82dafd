import { DEMO_SEED, demoEnterprises } from "../../demo/enterprises.js";
import { seededRandom, type Random } from "../../demo/random.js";
import { DEMO_TODAY, RECORDS_FROM, dayBetween, daysBetween } from "./demo-days.js";
import type { PenaltyRow } from "./penalty.js";
import { makeRecordId } from "./record-id.js";
import { fineYuan, pickViolation } from "./violations.js";

// A party may apply for review within 60 days and the review takes up to 60 more
// (行政复议法 第二十条, 第六十二条), so only recent decisions can still be under review.
function penaltyStatus(rng: Random, decidedOn: string): string {
  const age = daysBetween(decidedOn, DEMO_TODAY);
  const u = rng.next();
  if (age <= 150) return u < 0.2 ? "行政复议中" : u < 0.8 ? "执行中" : "已执行";
  if (age <= 365) return u < 0.15 ? "执行中" : "已执行";
  return "已执行";
}

type Draft = Omit<PenaltyRow, "id" | "decisionNumber"> & { readonly short: string };

/**
 * The demo's penalty decisions: 1–3 for each enterprise flagged `penalised`, 2024 to the
 * demo's end. Document numbers (苏环罚〔2026〕123号) run per province and year in date order,
 * with gaps for decisions on enterprises outside the demo.
 */
export function demoPenalties(): PenaltyRow[] {
  const drafts: Draft[] = [];
  for (const enterprise of demoEnterprises()) {
    if (!enterprise.penalised) continue;
    const rng = seededRandom(`${DEMO_SEED}/enforcement/penalties/${enterprise.creditCode}`);
    // Nothing on record before the enterprise was registered.
    const from = enterprise.registeredOn > RECORDS_FROM ? enterprise.registeredOn : RECORDS_FROM;
    const count = rng.int(1, 3);
    for (let i = 0; i < count; i++) {
      const decidedOn = dayBetween(rng, from, DEMO_TODAY);
      const violation = pickViolation(rng, enterprise.media);
      drafts.push({
        creditCode: enterprise.creditCode,
        divisionCode: enterprise.province.code,
        short: enterprise.province.short,
        decidedOn,
        violation: violation.violation,
        legalBasis: violation.legalBasis,
        amountYuan: fineYuan(rng, violation),
        status: penaltyStatus(rng, decidedOn),
      });
    }
  }
  drafts.sort((a, b) => (a.decidedOn === b.decidedOn ? (a.creditCode < b.creditCode ? -1 : 1) : a.decidedOn < b.decidedOn ? -1 : 1));
  const numbering = seededRandom(`${DEMO_SEED}/enforcement/decision-numbers`);
  const lastNumber = new Map<string, number>();
  const lastSerial = new Map<string, number>();
  return drafts.map(({ short, ...draft }) => {
    const year = draft.decidedOn.slice(0, 4);
    const series = `${short}/${year}`;
    const number = (lastNumber.get(series) ?? 0) + numbering.int(1, 12);
    lastNumber.set(series, number);
    const serial = (lastSerial.get(year) ?? 0) + 1;
    lastSerial.set(year, serial);
    return { ...draft, id: makeRecordId("CF", year, serial), decisionNumber: `${short}环罚〔${year}〕${number}号` };
  });
}

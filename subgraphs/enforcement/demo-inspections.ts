import { DEMO_SEED, demoEnterprises, personName } from "../../demo/enterprises.js";
import { seededRandom, type Random } from "../../demo/random.js";
import { DEMO_TODAY, RECORDS_FROM, dayBetween } from "./demo-days.js";
import type { InspectionRow } from "./inspection.js";
import { makeRecordId } from "./record-id.js";

// Most inspections are random spot checks (双随机、一公开, 国办发〔2015〕58号); complaints
// from the public (信访举报) find problems more often than random checks do.
const KINDS: readonly (readonly [string, number])[] = [
  ["双随机抽查", 0.45],
  ["日常巡查", 0.2],
  ["专项检查", 0.2],
  ["信访举报核查", 0.15],
];
const COMPLAINT = "信访举报核查";

function pickKind(rng: Random): string {
  let x = rng.next();
  for (const [kind, share] of KINDS) {
    x -= share;
    if (x < 0) return kind;
  }
  return KINDS[0]![0];
}

function pickResult(rng: Random, kind: string): string {
  const [clean, corrected] = kind === COMPLAINT ? [0.45, 0.4] : [0.65, 0.28];
  const u = rng.next();
  return u < clean ? "未发现问题" : u < clean + corrected ? "责令改正" : "立案查处";
}

/** Two officers, as on-site inspection requires (行政处罚法 第四十二条). */
function inspectors(rng: Random): string {
  const first = personName(rng);
  let second = personName(rng);
  while (second === first) second = personName(rng);
  return `${first}、${second}`;
}

type Draft = Omit<InspectionRow, "id">;

/**
 * The demo's inspections: 1–4 for each enterprise flagged `inspected`, 2024 to the demo's
 * end. Ids run per year in date order.
 */
export function demoInspections(): InspectionRow[] {
  const drafts: Draft[] = [];
  for (const enterprise of demoEnterprises()) {
    if (!enterprise.inspected) continue;
    const rng = seededRandom(`${DEMO_SEED}/enforcement/inspections/${enterprise.creditCode}`);
    // Nothing on record before the enterprise was registered.
    const from = enterprise.registeredOn > RECORDS_FROM ? enterprise.registeredOn : RECORDS_FROM;
    const count = rng.int(1, 4);
    for (let i = 0; i < count; i++) {
      const kind = pickKind(rng);
      drafts.push({
        creditCode: enterprise.creditCode,
        date: dayBetween(rng, from, DEMO_TODAY),
        kind,
        result: pickResult(rng, kind),
        inspector: inspectors(rng),
        informant: kind === COMPLAINT ? personName(rng) : null,
      });
    }
  }
  drafts.sort((a, b) => (a.date === b.date ? (a.creditCode < b.creditCode ? -1 : 1) : a.date < b.date ? -1 : 1));
  const lastSerial = new Map<string, number>();
  return drafts.map((draft) => {
    const year = draft.date.slice(0, 4);
    const serial = (lastSerial.get(year) ?? 0) + 1;
    lastSerial.set(year, serial);
    return { ...draft, id: makeRecordId("JC", year, serial) };
  });
}

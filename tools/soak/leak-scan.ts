import type { DeniedValues } from "./demo-facts.js";

/** One class of values some requesters may not read: which field, when it is forbidden, how to find its values in an answer. */
interface Marker {
  readonly coordinate: string;
  /** The decisions under which its true value must not reach the requester. */
  readonly forbiddenWhen: ReadonlySet<string>;
  readonly find: (answer: ScannedAnswer) => string[];
}

/** An answer's text and every string value in it (data and errors), gathered once per answer. */
interface ScannedAnswer {
  readonly text: string;
  readonly strings: ReadonlySet<string>;
}

export interface Leak {
  readonly coordinate: string;
  readonly value: string;
}

const DENIED = new Set(["DENIED"]);
const NOT_IN_FULL = new Set(["DENIED", "MASKED"]);
const INSPECTION_ID = /JC\d{10}/g;

/**
 * Scans answers for the true values of fields their requester may not read: a denied field's
 * value never reaches the requester (CONTRACT §4), nor a masked one's in full. Long values
 * are looked for anywhere in the text, ids by their pattern, names only as a whole string
 * value (a name is two or three characters; as a substring it would be found everywhere).
 */
export class LeakScanner {
  private readonly markers: readonly Marker[];
  /** Answers of requesters allowed the field in which its values were found: proof the scan finds them at all. */
  readonly controlHits = new Map<string, number>();

  /** How many distinct true values it looks for. */
  readonly valuesLookedFor: number;

  constructor(values: DeniedValues) {
    this.valuesLookedFor = values.protectionPlans.size + values.inspectionIds.size + values.informants.size + values.legalRepresentatives.size;
    const plans = [...values.protectionPlans];
    const ids = (answer: ScannedAnswer): string[] => [...new Set(answer.text.match(INSPECTION_ID) ?? [])].filter((id) => values.inspectionIds.has(id));
    const among = (set: ReadonlySet<string>) => (answer: ScannedAnswer) => [...answer.strings].filter((s) => set.has(s));
    this.markers = [
      { coordinate: "NuclearFacility.physicalProtectionPlan", forbiddenWhen: DENIED, find: (a) => plans.filter((p) => a.text.includes(p)) },
      { coordinate: "Enterprise.inspections", forbiddenWhen: DENIED, find: ids },
      { coordinate: "Inspection.id", forbiddenWhen: DENIED, find: ids },
      { coordinate: "Inspection.informant", forbiddenWhen: DENIED, find: among(values.informants) },
      { coordinate: "Enterprise.legalRepresentative", forbiddenWhen: NOT_IN_FULL, find: among(values.legalRepresentatives) },
    ];
  }

  /** The forbidden values found in one answer (its text and its parsed JSON), given its group's decisions (coordinate → decision). */
  scan(body: string, parsed: unknown, decisions: ReadonlyMap<string, string>): Leak[] {
    const relevant = this.markers.filter((m) => decisions.has(m.coordinate));
    if (relevant.length === 0) return [];
    const answer = { text: body, strings: stringValues(parsed) };
    const leaks: Leak[] = [];
    for (const marker of relevant) {
      const found = marker.find(answer);
      if (found.length === 0) continue;
      if (marker.forbiddenWhen.has(decisions.get(marker.coordinate)!)) leaks.push(...found.map((value) => ({ coordinate: marker.coordinate, value })));
      else this.controlHits.set(marker.coordinate, (this.controlHits.get(marker.coordinate) ?? 0) + 1);
    }
    return leaks;
  }
}

/** Every string value in a parsed JSON answer (keys left out). */
function stringValues(parsed: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === "string") out.add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(parsed);
  return out;
}

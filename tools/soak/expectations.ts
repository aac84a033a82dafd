import { GatewayClient, requesterHeaders } from "./gateway-client.js";
import { groupOf, PURPOSES, TEMPLATES } from "./workload.js";

/** A field decision the audit log must hold for a request: `coordinate|owner|decision`. */
export type RecordKey = string;

export function recordKey(coordinate: string, owner: string, decision: string): RecordKey {
  return `${coordinate}|${owner}|${decision}`;
}

/** What the gateway decides for one (template, requester, purpose): its records, and each coordinate's decision. */
export interface GroupExpectation {
  readonly records: ReadonlySet<RecordKey>;
  readonly decisions: ReadonlyMap<string, string>;
}

/** A refused operation's one record (README "Operation limits"). */
export const LIMIT_REFUSAL_RECORDS: ReadonlySet<RecordKey> = new Set([recordKey("Query", "platform", "DENIED")]);

const EXPLAIN = `query ($q: String!) { explain(query: $q) { coordinate owner decision } }`;

/**
 * Asks the gateway's `explain` (the same analysis a request gets, not run) once per data
 * template, requester and purpose, before the load: the decisions every answer of that group
 * must have been recorded with, one record per coordinate (CONTRACT §6), and which fields the
 * group may not read.
 */
export async function explainGroups(url: string, tokens: ReadonlyMap<string, string>): Promise<Map<string, GroupExpectation>> {
  const client = new GatewayClient(url, 4);
  const out = new Map<string, GroupExpectation>();
  const jobs = TEMPLATES.filter((t) => t.kind === "data").flatMap((t) => [...tokens.keys()].flatMap((unit) => PURPOSES.map((purpose) => ({ t, unit, purpose }))));
  try {
    const work = async (): Promise<void> => {
      for (let job = jobs.pop(); job; job = jobs.pop()) {
        const { t, unit, purpose } = job;
        const answer = await client.post(JSON.stringify({ query: EXPLAIN, variables: { q: t.query } }), requesterHeaders(tokens.get(unit)!, purpose));
        const body = JSON.parse(answer.body) as { data?: { explain?: { coordinate: string; owner: string; decision: string }[] }; errors?: unknown[] };
        const views = body.data?.explain;
        if (answer.status !== 200 || !views) throw new Error(`explain of ${t.name} as ${unit} (${purpose ?? "no purpose"}): HTTP ${answer.status} ${answer.body.slice(0, 300)}`);
        out.set(groupOf(t.name, unit, purpose), {
          records: new Set(views.map((v) => recordKey(v.coordinate, v.owner, v.decision))),
          decisions: strictest(views),
        });
      }
    };
    await Promise.all(Array.from({ length: 4 }, work));
  } finally {
    client.close();
  }
  return out;
}

const STRICTNESS = ["ALLOWED", "MASKED", "DENIED"];

/** Each coordinate's decision; one decided for two owners counts as the stricter of the two. */
function strictest(views: readonly { coordinate: string; decision: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const { coordinate, decision } of views) {
    const held = out.get(coordinate);
    if (held === undefined || STRICTNESS.indexOf(decision) > STRICTNESS.indexOf(held)) out.set(coordinate, decision);
  }
  return out;
}

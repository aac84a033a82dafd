import { createHash } from "node:crypto";

/** The one operation a subgraph request carries, as the unit will execute it. */
export interface ExactRequest {
  readonly query: string;
  readonly operationName?: string | null | undefined;
  readonly variables?: unknown;
}

/**
 * JSON with every object's keys sorted, so the gateway (which signs the variables it sends)
 * and the unit (which checks the variables it parsed) write the same text for the same value.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue;
    members.push(`${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  }
  return `{${members.join(",")}}`;
}

/**
 * What an assertion binds (issue 13): SHA-256 of the operation text, its name and its
 * variables in canonical JSON, each length-prefixed so no two requests share a digest. Any
 * other text, name or argument value (another inspection's id) makes another digest.
 */
export function requestDigest(request: ExactRequest): string {
  const name = request.operationName ?? "";
  const variables = canonicalJson(request.variables ?? {});
  return createHash("sha256")
    .update(`${request.query.length}:`)
    .update(request.query)
    .update(`|${name.length}:${name}|`)
    .update(variables)
    .digest("base64url");
}

import { createHash } from "node:crypto";
import { byCodePoint } from "./code-point-order.js";

/** JSON with every object's keys sorted, no whitespace: one text per value, whatever built it. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => byCodePoint(a, b)))
      : v,
  );
}

/** SHA-256 (hex) of a value's canonical JSON. */
export function digestOf(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

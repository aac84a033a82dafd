/** A limit setting that cannot be used (the gateway's config turns it into its ConfigError line). */
export class LimitConfigError extends Error {
  override readonly name = "LimitConfigError";
}
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from "./operation-limits.js";

/** Each limit's environment variable: `ECOFED_MAX_DEPTH`, `ECOFED_MAX_ROOT_FIELDS`, …, `ECOFED_DEFAULT_LIST_SIZE`. */
export function limitEnvName(name: keyof OperationLimits): string {
  if (name === "defaultListSize") return "ECOFED_DEFAULT_LIST_SIZE";
  return `ECOFED_MAX_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

const NAMES = Object.keys(DEFAULT_OPERATION_LIMITS) as (keyof OperationLimits)[];

/**
 * The operation limits from the environment, then `--limit name=value` flags (which win);
 * unset ones keep their defaults. A value must be a positive integer and a name one of the limits.
 */
export function parseLimits(env: Readonly<Record<string, string | undefined>>, flags: readonly string[] = []): OperationLimits {
  const limits: Record<keyof OperationLimits, number> = { ...DEFAULT_OPERATION_LIMITS };
  for (const name of NAMES) {
    const text = env[limitEnvName(name)];
    if (text !== undefined && text !== "") limits[name] = positive(text, limitEnvName(name));
  }
  for (const flag of flags) {
    const match = /^([A-Za-z]+)=(.*)$/.exec(flag);
    const name = NAMES.find((n) => n === match?.[1]);
    if (!match || !name) throw new LimitConfigError(`--limit takes name=value with a name among ${NAMES.join(", ")}, got "${flag}"`);
    limits[name] = positive(match[2]!, `--limit ${name}`);
  }
  return limits;
}

/** A positive integer setting: `fallback` when unset, a LimitConfigError (one line at start) when not one. */
export function positiveSetting(text: string | undefined, what: string, fallback: number): number {
  return text === undefined || text === "" ? fallback : positive(text, what);
}

function positive(text: string, what: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new LimitConfigError(`${what} must be a positive integer, got "${text}"`);
  }
  return value;
}

import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_REPLICA, REPLICA_ID_ENV } from "../audit/witness.js";
import { parseLimits } from "./limits/limits-config.js";
import type { OperationLimits } from "./limits/operation-limits.js";
import { isShareClass, SHARE_CLASSES, type ShareClass } from "../directives/share/rule.js";
import { KnownUnits, PLATFORM_UNIT_CODE, REGISTERED_UNIT_CODES } from "../domain/known-units.js";
import { unitCodeProblem } from "../domain/unit-code.js";
import { INTROSPECTION_POLICIES, isIntrospectionPolicy, type IntrospectionPolicy } from "./enforcement/introspection-policy.js";

/** Where the gateway gets its supergraph: composed from running units, or a file. */
export type SupergraphSource =
  | { readonly kind: "sdl"; readonly supergraphSdl: string }
  | { readonly kind: "file"; readonly path: string };


/** The gateway's settings, checked once at start-up, before any port opens (STYLE 5). */
export interface GatewayConfig {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** Class of fields that carry no `@share`; null denies them as UNCLASSIFIED (CONTRACT §1). */
  readonly defaultClass: ShareClass | null;
  /** Serve even when the audit log cannot be written (ECOFED_AUDIT_FAIL_OPEN=1); default: fail closed. */
  readonly auditFailOpen?: boolean;
  /** Records older than this many days are archived (sealed) and then removed from the log. */
  readonly auditRetentionDays?: number | null;
  /** HTTPS with client certificates from the platform CA: the server's key and certificate, and the CA's. */
  readonly tls?: { readonly key: string; readonly cert: string; readonly ca: string };
  /** Where state shared by gateway replicas lives (grants, suspensions); none: the governance store in the data dir. */
  readonly redisUrl?: string | null;
  /** Prefix of this federation's keys in Redis (`ECOFED_REDIS_PREFIX`, default "ecofed:"). */
  readonly redisPrefix?: string;
  /** Units beyond the demo federation's that credentials may name (`ECOFED_UNITS`, comma-separated). */
  readonly units?: readonly string[];
  /** Which gateway replica this is (`ECOFED_REPLICA_ID`, default gw-0): each has its own audit witness. */
  readonly replicaId?: string;
  /** Who may introspect the schema (`ECOFED_INTROSPECTION`, default internal: the ministry's own units). */
  readonly introspection?: IntrospectionPolicy;
  /** Browser origins that may call the gateway (`ECOFED_CORS_ORIGINS`, exact, comma-separated); none: no CORS headers. */
  readonly corsOrigins?: readonly string[];
  /** What one operation may ask for (`ECOFED_MAX_*`, `--limit name=value`); unset: DEFAULT_OPERATION_LIMITS. */
  readonly limits?: OperationLimits;
  /** What the gateway's cached decisions may weigh together (`ECOFED_DECISION_CACHE_MB`, default 64). */
  readonly decisionCacheBytes?: number;
  /** What Apollo's parsed-document cache may weigh, on the heap (`ECOFED_DOCUMENT_CACHE_MB`, default 64). */
  readonly documentCacheBytes?: number;
  /** What Apollo's query-plan cache may weigh, on the heap (`ECOFED_PLAN_CACHE_MB`, default 64). */
  readonly planCacheBytes?: number;
  /** Longest wait for one fetch to a unit (`ECOFED_SUBGRAPH_TIMEOUT_MS`, default 10 000): then its part is null with SUBGRAPH_TIMEOUT. */
  readonly subgraphTimeoutMs?: number;
  /** Longest a request's fetches may run, from its arrival (`ECOFED_REQUEST_DEADLINE_MS`, default 30 000): a late fetch gets what remains. */
  readonly requestDeadlineMs?: number;
  /** The built console (`ECOFED_CONSOLE_DIR`, default the package's dist/console); null: no console served. */
  readonly consoleDir?: string | null;
}

/** Issue 14: a unit that never answers (a runaway query, a dying process) must not hold a request forever. */
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;
export const DEFAULT_REQUEST_DEADLINE_MS = 30_000;

/** A setting that cannot be used; its message is the one line the CLI prints. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export function parsePort(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined || text === "") return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError(`${name} must be a port number from 0 to 65535, got "${text}"`);
  }
  return port;
}

export function parseDefaultClass(text: string | undefined): ShareClass | null {
  if (text === undefined) return null;
  if (!isShareClass(text)) {
    throw new ConfigError(`--default-class must be one of ${SHARE_CLASSES.join(", ")}, got "${text}"`);
  }
  return text;
}

/** Host, port and data dir from the environment (CONTRACT §1), overridable by flags. */
export function baseConfig(env: NodeJS.ProcessEnv, flags: { port?: string | undefined } = {}): Omit<GatewayConfig, "defaultClass"> {
  return {
    host: env["ECOFED_HOST"] || "127.0.0.1",
    port: flags.port !== undefined ? parsePort(flags.port, "--port", 4000) : parsePort(env["ECOFED_PORT"], "ECOFED_PORT", 4000),
    dataDir: resolve(env["ECOFED_DATA_DIR"] || "data"),
    auditFailOpen: parseFlag(env["ECOFED_AUDIT_FAIL_OPEN"], "ECOFED_AUDIT_FAIL_OPEN"),
    auditRetentionDays: parseDays(env["ECOFED_AUDIT_RETENTION_DAYS"], "ECOFED_AUDIT_RETENTION_DAYS"),
    redisUrl: parseRedisUrl(env["REDIS_URL"]),
    redisPrefix: env["ECOFED_REDIS_PREFIX"] || "ecofed:",
    units: parseUnits(env["ECOFED_UNITS"]),
    replicaId: parseReplicaId(env[REPLICA_ID_ENV]),
    introspection: parseIntrospection(env["ECOFED_INTROSPECTION"]),
    corsOrigins: parseCorsOrigins(env["ECOFED_CORS_ORIGINS"]),
    limits: limitsOf(env),
    decisionCacheBytes: parseMegabytes(env["ECOFED_DECISION_CACHE_MB"], "ECOFED_DECISION_CACHE_MB", 64),
    documentCacheBytes: parseMegabytes(env["ECOFED_DOCUMENT_CACHE_MB"], "ECOFED_DOCUMENT_CACHE_MB", 64),
    planCacheBytes: parseMegabytes(env["ECOFED_PLAN_CACHE_MB"], "ECOFED_PLAN_CACHE_MB", 64),
    subgraphTimeoutMs: parseMillis(env["ECOFED_SUBGRAPH_TIMEOUT_MS"], "ECOFED_SUBGRAPH_TIMEOUT_MS", DEFAULT_SUBGRAPH_TIMEOUT_MS),
    requestDeadlineMs: parseMillis(env["ECOFED_REQUEST_DEADLINE_MS"], "ECOFED_REQUEST_DEADLINE_MS", DEFAULT_REQUEST_DEADLINE_MS),
    consoleDir: parseConsoleDir(env["ECOFED_CONSOLE_DIR"]),
  };
}

/** The platform's registry of units, beyond the demo's: every credential's unit must be one. */
export function knownUnits(config: Pick<GatewayConfig, "units">, supergraphGraphs: readonly string[] = []): KnownUnits {
  return new KnownUnits([...REGISTERED_UNIT_CODES, ...(config.units ?? []), ...supergraphGraphs]);
}

/** Where `npm run build` writes the console: dist/console beside dist/gateway, whether this runs from dist or from source. */
export const BUILT_CONSOLE_DIR = fileURLToPath(new URL(import.meta.url.includes("/dist/") ? "../console/" : "../dist/console/", import.meta.url));

/** `off` serves no console at all (an API-only gateway); a path must be a directory. */
function parseConsoleDir(text: string | undefined): string | null {
  if (text === undefined || text === "") return BUILT_CONSOLE_DIR;
  if (text === "off") return null;
  const dir = resolve(text);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ConfigError(`ECOFED_CONSOLE_DIR must be a directory holding the built console (or "off"), got "${text}"`);
  return dir;
}

function parseUnits(text: string | undefined): string[] {
  if (text === undefined || text.trim() === "") return [];
  return text.split(",").map((code) => {
    const unit = code.trim();
    const problem = unitCodeProblem(unit);
    if (problem || unit.startsWith("ext:") || unit === PLATFORM_UNIT_CODE) throw new ConfigError(`ECOFED_UNITS: each unit ${problem ?? `must be an internal unit's code, got "${unit}"`}`);
    return unit;
  });
}

function parseRedisUrl(text: string | undefined): string | null {
  if (text === undefined || text === "") return null;
  if (!/^rediss?:\/\/[^\s]+$/.test(text)) throw new ConfigError(`REDIS_URL must be a redis:// or rediss:// URL, got "${text}"`);
  return text;
}

function parseDays(text: string | undefined, name: string): number | null {
  if (text === undefined || text === "") return null;
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1) throw new ConfigError(`${name} must be a whole number of days ≥ 1, got "${text}"`);
  return days;
}

/** Node's timers hold at most 2^31 − 1 ms; a longer one fires after 1 ms instead. */
const MAX_TIMER_MS = 2_147_483_647;

function parseMillis(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined || text === "") return fallback;
  const ms = Number(text);
  if (!/^[0-9]+$/.test(text) || ms < 1 || ms > MAX_TIMER_MS) {
    throw new ConfigError(`${name} must be a whole number of milliseconds from 1 to ${MAX_TIMER_MS}, got "${text}"`);
  }
  return ms;
}

function parseIntrospection(text: string | undefined): IntrospectionPolicy {
  if (text === undefined || text === "") return "internal";
  if (!isIntrospectionPolicy(text)) throw new ConfigError(`ECOFED_INTROSPECTION must be one of ${INTROSPECTION_POLICIES.join(", ")}, got "${text}"`);
  return text;
}

/** Exact origins, as a browser sends them: a wildcard would open the data to any page. */
export function parseCorsOrigins(text: string | undefined): string[] {
  if (text === undefined || text.trim() === "") return [];
  return text.split(",").map((item) => {
    const origin = item.trim();
    let canonical: string | null = null;
    try {
      const url = new URL(origin);
      if (url.protocol === "http:" || url.protocol === "https:") canonical = url.origin;
    } catch {
      // not a URL: reported below
    }
    // "*" is a valid host character to URL, never an origin here.
    if (canonical === origin && !origin.includes("*")) return origin;
    const hint = canonical && !origin.includes("*") ? `; did you mean "${canonical}"?` : "";
    throw new ConfigError(`ECOFED_CORS_ORIGINS: each origin must be scheme://host[:port] (http or https, no path, no "*"), got "${origin}"${hint}`);
  });
}

function parseFlag(text: string | undefined, name: string): boolean {
  if (text === undefined || text === "" || text === "0" || text === "false") return false;
  if (text === "1" || text === "true") return true;
  throw new ConfigError(`${name} must be 1 or 0, got "${text}"`);
}

/** A replica id names Redis keys and log lines: short and plain. */
export function parseReplicaId(text: string | undefined): string {
  if (text === undefined || text === "") return DEFAULT_REPLICA;
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(text)) throw new ConfigError(`ECOFED_REPLICA_ID must be 1–64 letters, digits, ".", "_" or "-", got "${text}"`);
  return text;
}

function parseMegabytes(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined || text === "") return fallback * 1024 * 1024;
  const mb = Number(text);
  if (!/^\d+$/.test(text.trim()) || mb < 1 || mb > 1_000_000) throw new ConfigError(`${name} must be a whole number of megabytes from 1, got "${text}"`);
  return mb * 1024 * 1024;
}

function limitsOf(env: NodeJS.ProcessEnv): OperationLimits {
  try {
    return parseLimits(env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

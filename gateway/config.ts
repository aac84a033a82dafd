import { resolve } from "node:path";
import { DEFAULT_REPLICA, REPLICA_ID_ENV } from "../audit/witness.js";
import { isShareClass, SHARE_CLASSES, type ShareClass } from "../directives/share/rule.js";
import { KnownUnits, PLATFORM_UNIT_CODE, REGISTERED_UNIT_CODES } from "../domain/known-units.js";
import { unitCodeProblem } from "../domain/unit-code.js";

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
}

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
  };
}

/** The platform's registry of units, beyond the demo's: every credential's unit must be one. */
export function knownUnits(config: Pick<GatewayConfig, "units">, supergraphGraphs: readonly string[] = []): KnownUnits {
  return new KnownUnits([...REGISTERED_UNIT_CODES, ...(config.units ?? []), ...supergraphGraphs]);
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

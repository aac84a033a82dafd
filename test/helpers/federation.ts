import { spawnCli, type ChildEnv, type LongRunning } from "./cli-process.js";

export interface RunningFederation {
  readonly process: LongRunning;
  readonly url: string;
  readonly base: string;
  /** Each unit's subgraph URL and process id, as `ecofed start` printed them. */
  readonly units: ReadonlyMap<string, { url: string; pid: number }>;
}

/** `ecofed start` on ephemeral ports over `dataDir`, resolved once the gateway is ready. */
export async function startFederation(dataDir: string, env: ChildEnv = {}): Promise<RunningFederation> {
  const process = spawnCli(["start"], { ECOFED_DATA_DIR: dataDir, ECOFED_PORT: "0", ...env });
  const [, url] = await process.waitFor(/gateway ready at (\S+)/);
  const units = new Map<string, { url: string; pid: number }>();
  for (const m of process.output().matchAll(/unit (\S+) at (\S+) \(pid (\d+)\)/g)) {
    units.set(m[1]!, { url: m[2]!, pid: Number(m[3]) });
  }
  return { process, url: url!, base: url!.replace(/\/graphql$/, ""), units };
}

/** True while a process with that id exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

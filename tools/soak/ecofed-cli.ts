import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

/** How the soak runs `ecofed`: the compiled CLI (a snapshot of the build, see build-snapshot.ts) and its environment. */
export interface EcofedCli {
  readonly path: string;
  readonly env: NodeJS.ProcessEnv;
}

/** One audit record as `ecofed audit export` prints it (the fields the soak reads). */
export interface ExportedRecord {
  readonly requestId: string;
  readonly coordinate: string;
  readonly owner: string;
  readonly decision: string;
  readonly reason: string | null;
}

/** `ecofed <args>` run to completion; a non-zero exit is an error with its last stderr line. */
function run(cli: EcofedCli, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli.path, ...args], { env: cli.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`ecofed ${args[0]} exited with ${code}: ${stderr.trim().split("\n").pop() ?? ""}`)),
    );
  });
}

/** `ecofed token --unit <unit> --principal <principal> [--role …]`: the line it prints. */
export async function ecofedToken(cli: EcofedCli, unit: string, principal: string, roles: readonly string[] = []): Promise<string> {
  const out = await run(cli, ["token", "--unit", unit, "--principal", principal, ...roles.flatMap((r) => ["--role", r])]);
  return out.trim();
}

/**
 * `ecofed audit export --from --to`, one record at a time (the log of a soak holds hundreds
 * of thousands): resolves with how many there were once the command exits 0.
 */
export function exportAudit(cli: EcofedCli, from: Date, to: Date, onRecord: (record: ExportedRecord) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli.path, "audit", "export", "--from", from.toISOString(), "--to", to.toISOString()], {
      env: cli.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let count = 0;
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
    lines.on("line", (line) => {
      if (line.trim() === "") return;
      count++;
      onRecord(JSON.parse(line) as ExportedRecord);
    });
    const closed = new Promise<void>((r) => lines.once("close", () => r()));
    child.once("error", reject);
    child.once("exit", (code) => {
      void closed.then(() => (code === 0 ? resolve(count) : reject(new Error(`ecofed audit export exited with ${code}: ${stderr.trim()}`))));
    });
  });
}

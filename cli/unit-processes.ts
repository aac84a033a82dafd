import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { CliError } from "./cli-error.js";

export interface UnitProcess {
  readonly unit: string;
  readonly url: string;
  readonly child: ChildProcess;
}

const MAIN = fileURLToPath(new URL("./main.js", import.meta.url));
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * Starts every unit as its own process (a unit is a separate system) and resolves once all
 * of them serve — i.e. their demo data exists. If one fails, the others are stopped and the
 * failing unit's one-line reason is the error.
 */
export async function startUnitProcesses(
  units: readonly string[],
  portOf: (index: number) => number,
  env: NodeJS.ProcessEnv,
): Promise<UnitProcess[]> {
  const started: ChildProcess[] = [];
  try {
    return await Promise.all(
      units.map((unit, i) => {
        const child = fork(MAIN, ["subgraph", unit, "--port", String(portOf(i))], {
          // Production whatever the shell says (issue 14): no development defaults in a unit.
          env: { ...env, NODE_ENV: "production" },
          stdio: ["ignore", "inherit", "pipe", "ipc"],
        });
        started.push(child);
        return waitReady(unit, child);
      }),
    );
  } catch (error) {
    await stopUnitProcesses(started);
    throw error;
  }
}

function waitReady(unit: string, child: ChildProcess): Promise<UnitProcess> {
  return new Promise((resolve, reject) => {
    // Held back until the unit is ready: a unit that cannot start is reported in one line.
    let stderr = "";
    let ready = false;
    child.stderr?.on("data", (chunk: Buffer) => {
      if (ready) process.stderr.write(chunk);
      else stderr += chunk.toString();
    });
    const timer = setTimeout(() => reject(new CliError(`unit ${unit} did not start within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    child.on("message", (message: { type?: string; url?: string }) => {
      if (message.type !== "ready" || !message.url) return;
      clearTimeout(timer);
      ready = true;
      process.stderr.write(stderr);
      resolve({ unit, url: message.url, child });
    });
    child.once("exit", (code, signal) => {
      if (ready) return;
      clearTimeout(timer);
      const lines = stderr.trim().split("\n");
      const reason = lines.find((l) => l.startsWith("ecofed: ")) ?? (lines.pop() || `exited with ${signal ?? `code ${code}`}`);
      reject(new CliError(`unit ${unit} failed to start: ${reason.replace(/^ecofed: /, "")}`));
    });
  });
}

/** Sends SIGTERM to each unit process and waits for it, killing any that outstays its grace. */
export async function stopUnitProcesses(children: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
}

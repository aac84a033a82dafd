import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../cli/main.js", import.meta.url));

/** Milliseconds from spawning `ecofed start` to the gateway's `/health` answering 200. */
async function timeToHealthy(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, "start"], {
    env: { ...process.env, ECOFED_DATA_DIR: dataDir, ECOFED_PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (c: Buffer) => {
      output += c.toString();
      const m = output.match(/gateway ready at (\S+)/);
      if (m) resolve(m[1]!.replace(/\/graphql$/, "/health"));
    });
    child.on("exit", (code) => reject(new Error(`ecofed start exited with ${code}`)));
  });
  while ((await fetch(url).catch(() => null))?.status !== 200) await new Promise((r) => setTimeout(r, 20));
  const elapsed = performance.now() - started;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Start-up of the whole federation: first start (creates the demo data) and restarts. */
export async function benchStartup(runs = 3): Promise<void> {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), "ecofed-bench-"));
    try {
      cold.push(await timeToHealthy(dir));
      warm.push(await timeToHealthy(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const fmt = (xs: number[]): string => `median ${(median(xs) / 1000).toFixed(2)} s (runs: ${xs.map((x) => (x / 1000).toFixed(2)).join(", ")})`;
  console.log(`start-up to /health 200, first start (demo data created): ${fmt(cold)}`);
  console.log(`start-up to /health 200, restart (demo data reused):      ${fmt(warm)}`);
}

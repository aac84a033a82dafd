import { createHash } from "node:crypto";
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `npm run build`'s second step, after tsc: the CLI made executable (`npx ecofed` runs the
 * bin file itself, and tsc writes it 0644 on a fresh clone), then the console's bundle (Vite)
 * into dist/console, skipped when nothing it is built from changed since the last build (its
 * sources, the lockfile), so `npm start` and `npm test` pay for it once.
 */
const ROOT = fileURLToPath(new URL(import.meta.url.includes("/dist/") ? "../../../" : "../../", import.meta.url));
const SOURCES = join(ROOT, "console");
const OUT = join(ROOT, "dist", "console");
// A dot-file: the gateway serves no file whose name starts with a dot.
const STAMP = join(OUT, ".built-from");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

function sourceDigest(): string {
  const hash = createHash("sha256");
  for (const file of [...filesUnder(SOURCES), join(ROOT, "package-lock.json")].sort()) {
    hash.update(relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

chmodSync(join(ROOT, "dist", "cli", "main.js"), 0o755);

const digest = sourceDigest();
const force = process.argv.includes("--force");
if (!force && existsSync(STAMP) && existsSync(join(OUT, "index.html")) && readFileSync(STAMP, "utf8") === digest) {
  process.exit(0);
}
const started = Date.now();
const { build } = await import("vite");
try {
  await build({ configFile: join(SOURCES, "vite.config.ts"), logLevel: "warn" });
} catch (error) {
  console.error(`ecofed: the console did not build: ${(error as Error).message}`);
  process.exit(1);
}
writeFileSync(STAMP, digest);
const bytes = filesUnder(join(OUT, "assets")).reduce((sum, file) => sum + statSync(file).size, 0);
console.log(`ecofed: console built into dist/console (${(bytes / 1024).toFixed(0)} KiB of assets, ${((Date.now() - started) / 1000).toFixed(1)} s)`);

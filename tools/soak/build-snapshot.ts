import { copyFileSync, cpSync, mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The build the soak runs from: `dist/` (this file is `dist/tools/soak/build-snapshot.js`) and the package root above it. */
const DIST = fileURLToPath(new URL("../../", import.meta.url));
const ROOT = join(DIST, "..");

/**
 * Copies the build into `dir` (dist/, package.json for its module type, node_modules linked)
 * and returns the copied CLI: `ecofed start` is started again during the run, and a rebuild
 * of the working tree meanwhile (another `npm test`) must not change what it starts.
 */
export function snapshotBuild(dir: string): string {
  mkdirSync(dir, { recursive: true });
  cpSync(DIST, join(dir, "dist"), { recursive: true, filter: (src) => !src.endsWith(".map") });
  copyFileSync(join(ROOT, "package.json"), join(dir, "package.json"));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return join(dir, "dist", "cli", "main.js");
}

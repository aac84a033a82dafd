import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/**
 * The architecture's dependency direction (STYLE.md "arrows point down only"): which
 * layers each layer may import. A unit never imports another unit or the gateway.
 */
const ALLOWED: Record<string, readonly string[]> = {
  domain: [],
  storage: [],
  schema: ["domain"],
  directives: ["schema", "domain"],
  server: ["schema"],
  demo: ["domain"],
  audit: ["schema", "directives", "domain", "storage"],
  governance: ["schema", "directives", "domain", "storage"],
  kit: ["schema", "directives", "server", "domain", "demo", "storage"],
  unit: ["kit", "schema", "directives", "domain", "demo", "storage", "audit", "governance"],
  registry: ["unit", "kit"],
  gateway: ["schema", "directives", "server", "domain", "storage", "audit", "governance"],
  cli: ["gateway", "registry", "unit", "kit", "schema", "directives", "server", "domain", "demo", "storage", "audit", "governance"],
  bench: ["cli", "gateway", "registry", "unit", "kit", "schema", "directives", "server", "domain", "demo", "storage", "audit", "governance"],
  tools: [],
  // The browser console reaches the gateway over HTTP only, as any dashboard does.
  console: [],
  test: ["*"],
};

const ROOTS = ["domain", "storage", "audit", "governance", "schema", "directives", "server", "demo", "subgraphs", "gateway", "cli", "bench", "tools", "console", "test"];

interface Layer {
  readonly name: string;
  /** For units: which one, since units may not import each other. */
  readonly unit?: string;
}

function layerOf(file: string): Layer | null {
  const parts = file.split(sep);
  if (parts[0] !== "subgraphs") return ROOTS.includes(parts[0]!) ? { name: parts[0]! } : null;
  if (parts[1] === "_kit") return { name: "kit" };
  if (parts.length === 2) return { name: "registry" };
  return { name: "unit", unit: parts[1]! };
}

function sourceFiles(root: string, dir: string): string[] {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(join(root, path)).isDirectory()) return entry === "node_modules" || entry === "fixtures" ? [] : sourceFiles(root, path);
    return /\.tsx?$/.test(path) && !path.endsWith(".d.ts") ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|(?:^|\n)\s*import\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function importsOf(root: string, file: string): string[] {
  const text = readFileSync(join(root, file), "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (!spec?.startsWith(".")) continue;
    const target = relative(root, resolve(join(root, dirname(file)), spec)).replace(/\.js$/, ".ts");
    // A ".js" import of a component is its .tsx file.
    out.push(!existsSync(join(root, target)) && existsSync(join(root, `${target}x`)) ? `${target}x` : target);
  }
  return out;
}

function allowed(from: Layer, to: Layer): boolean {
  if (from.name === to.name) return from.name !== "unit" || from.unit === to.unit;
  const rule = ALLOWED[from.name] ?? [];
  return rule.includes("*") || rule.includes(to.name);
}

/** Every violation of the dependency direction and every import cycle, one line each. */
export function checkImports(root: string): string[] {
  const files = ROOTS.flatMap((r) => sourceFiles(root, r));
  const graph = new Map<string, string[]>();
  const problems: string[] = [];
  for (const file of files) {
    const from = layerOf(file)!;
    const targets = importsOf(root, file);
    graph.set(file, targets);
    for (const target of targets) {
      const to = layerOf(target);
      if (to?.name === "test" && from.name !== "test") problems.push(`${file}: imports ${target}; nothing imports test/`);
      else if (to && !allowed(from, to)) {
        problems.push(`${file}: ${describe(from)} may not import ${describe(to)} (${target})`);
      }
    }
  }
  problems.push(...findCycles(graph));
  return problems;
}

function describe(layer: Layer): string {
  return layer.unit ? `unit ${layer.unit}` : layer.name === "kit" ? "subgraphs/_kit" : `${layer.name}/`;
}

function findCycles(graph: Map<string, string[]>): string[] {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const cycles: string[] = [];
  const visit = (file: string): void => {
    state.set(file, "visiting");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === "visiting") cycles.push(`import cycle: ${[...stack.slice(stack.indexOf(next)), next].join(" → ")}`);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

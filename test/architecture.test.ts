import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkImports } from "../tools/import-rules.js";
import { tempDir } from "./helpers/temp-dir.js";

const fixture = tempDir("imports");
afterAll(() => fixture.remove());

function write(file: string, text: string): void {
  mkdirSync(dirname(join(fixture.path, file)), { recursive: true });
  writeFileSync(join(fixture.path, file), text);
}

describe("dependency direction (STYLE.md)", () => {
  it("holds for this repository", () => {
    expect(checkImports(process.cwd())).toEqual([]);
  });

  it("reports a unit importing another unit, a lower layer importing the gateway, and cycles", () => {
    write("subgraphs/water/a.ts", `import { x } from "../soil/b.js";\n`);
    write("subgraphs/soil/b.ts", `export const x = 1;\n`);
    write("schema/s.ts", `import { g } from "../gateway/g.js";\nexport const s = g;\n`);
    write("gateway/g.ts", `export const g = 1;\n`);
    write("directives/p.ts", `import "./q.js";\n`);
    write("directives/q.ts", `export { p } from "./p.js";\n`);
    expect(checkImports(fixture.path)).toEqual([
      "schema/s.ts: schema/ may not import gateway/ (gateway/g.ts)",
      "subgraphs/water/a.ts: unit water may not import unit soil (subgraphs/soil/b.ts)",
      "import cycle: directives/p.ts → directives/q.ts → directives/p.ts",
    ]);
  });

  it("reports the browser console importing server code (it reaches the gateway over HTTP only), and cycles through its components", () => {
    write("gateway/g.ts", `export const g = 1;\n`);
    write("console/src/a.tsx", `import { g } from "../../gateway/g.js";\nimport { b } from "./b.js";\nexport const a = g + b;\n`);
    write("console/src/b.tsx", `import { a } from "./a.js";\nexport const b = a;\n`);
    // The fixture still holds the previous test's files: only what concerns the console is compared.
    expect(checkImports(fixture.path).filter((p) => p.includes("console/"))).toEqual([
      "console/src/a.tsx: console/ may not import gateway/ (gateway/g.ts)",
      "import cycle: console/src/a.tsx → console/src/b.tsx → console/src/a.tsx",
    ]);
  });
});

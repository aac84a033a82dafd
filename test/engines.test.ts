import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

/*
 * The README says Node 20: every installed package must say so too (issue 15: npm ci warned
 * EBADENGINE for @whatwg-node/promise-helpers@2, which wants Node >= 22.15, pulled in by
 * Apollo Server's @graphql-tools; package.json's overrides pin the versions that run on 20).
 */
describe("the lockfile's engines", () => {
  it("holds no package that refuses the Node running it (what npm ci warns EBADENGINE for)", () => {
    const lock = JSON.parse(readFileSync(new URL("../package-lock.json", import.meta.url), "utf8")) as {
      packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
    };
    const node = process.versions.node;
    const refusing = Object.entries(lock.packages)
      .filter(([path, p]) => path !== "" && p.engines && !Array.isArray(p.engines) && p.engines.node && !semver.satisfies(node, p.engines.node))
      .map(([path, p]) => `${path.replace(/^.*node_modules\//, "")}@${p.version} wants node ${(p.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });
});

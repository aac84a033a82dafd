import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { parse, type OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEnterprises } from "../../demo/enterprises.js";
import { analyzeOperation } from "../../gateway/enforcement/analyze-operation.js";
import { denialPlan } from "../../gateway/enforcement/patch-denials.js";
import { GovernanceGrantSource } from "../../gateway/governance/governance-grant-source.js";
import { StoreGovernanceReader } from "../../gateway/governance/store-governance-reader.js";
import { serveGateway, type RunningGateway } from "../../gateway/serve-gateway.js";
import { PUBLIC_KEY_FILE } from "../../schema/platform-keys.js";
import { postGraphQL } from "../helpers/graphql-client.js";
import { startInProcessFederation, type InProcessFederation } from "../helpers/in-process-federation.js";
import { tempDir } from "../helpers/temp-dir.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";

// Denials alone are patched into the subgraphs' answer instead of re-executing the whole
// operation (issue 3 (b)). The patch must give, byte for byte, what the reshape gives.
let fed: InProcessFederation;
let reshaping: RunningGateway;
const reshapingDir = tempDir("reshaping");
beforeAll(async () => {
  fed = await startInProcessFederation();
  for (const file of ["platform-key.json", PUBLIC_KEY_FILE]) copyFileSync(join(fed.dataDir, file), join(reshapingDir.path, file));
  // The same enforcement, always through the reshape.
  // Deciding with the federation's own grants and suspensions (its data dir has the governance store).
  const grants = new GovernanceGrantSource(new StoreGovernanceReader(fed.dataDir, true));
  reshaping = await serveGateway({ host: "127.0.0.1", port: 0, dataDir: reshapingDir.path, defaultClass: null }, fed.supergraphSdl, { forceRewrite: true, grants });
});
afterAll(async () => {
  await reshaping?.close();
  await fed?.stop();
  reshapingDir.remove();
});

const e = demoEnterprises().find((x) => x.inspected)!;
const EL = "{ enterprises(first: 60) { nodes { creditCode name inspections { date kind informant } } } }";
const MIDDLE = "{ enterprises(first: 60) { nodes { creditCode inspections { date informant kind } name } } }";
const ALIASED = `{ b: enterprise(creditCode: "${e.creditCode}") { who: inspections { informant when: date } n: name } a: divisions { code } }`;
const ROOT_DENIED = `{ nuclearFacilities { name physicalProtectionPlan } divisions { name } }`;
const ONLY_DENIED_LEAF = `{ enterprise(creditCode: "${e.creditCode}") { inspections { informant } } }`;
const WITH_FRAGMENT = `{ enterprise(creditCode: "${e.creditCode}") { ...F } } fragment F on Enterprise { name inspections { informant date } }`;
const WITH_INCLUDE = `query ($x: Boolean!) { enterprise(creditCode: "${e.creditCode}") { inspections { informant @include(if: $x) date } } }`;
const MASKED = `{ enterprise(creditCode: "${e.creditCode}") { legalRepresentative inspections { informant } } }`;

describe("patching denials into the subgraphs' answer", () => {
  it.each([
    ["a leaf denied in every list item (patched in place)", EL, {}],
    ["a leaf denied between kept ones (items rebuilt)", MIDDLE, {}],
    ["aliases, and keys in the operation's order", ALIASED, {}],
    ["a denied field on another unit's list", ROOT_DENIED, {}],
    ["every field of a selection denied (the rewrite added __typename)", ONLY_DENIED_LEAF, {}],
    ["fragments (reshaped)", WITH_FRAGMENT, {}],
    ["@include on the denied field (reshaped)", WITH_INCLUDE, { x: true }],
    ["a masked field beside a denied one (reshaped)", MASKED, {}],
  ])("%s: the same bytes as the reshape", async (_name, query, variables) => {
    const headers = asRequester(await tokenFor(fed.dataDir, "water"), "DATA_VERIFICATION");
    const patched = await postGraphQL(fed.gateway.url, query, variables, headers);
    const reshaped = await postGraphQL(reshaping.url, query, variables, headers);
    expect(patched.body.errors?.some((err) => err.extensions?.["code"] === "SHARE_DENIED")).toBe(true);
    expect(JSON.stringify(patched.body)).toBe(JSON.stringify(reshaped.body));
  });

  it("is taken exactly when only nullable fields reached through plain fields are denied", () => {
    const schema = fed.gateway.enforcement.apiSchema!;
    const policies = fed.gateway.enforcement.policies!;
    const planned = (query: string): boolean => {
      const document = parse(query);
      const operation = document.definitions[0] as OperationDefinitionNode;
      const analysis = analyzeOperation(schema, document, operation, policies, (coordinate) =>
        coordinate === "Inspection.informant" || coordinate === "NuclearFacility.physicalProtectionPlan"
          ? { decision: "DENIED", reason: "NOT_SHARED", grantId: null }
          : coordinate === "Enterprise.legalRepresentative"
            ? { decision: "MASKED", reason: "OUT_OF_SCOPE", grantId: null }
            : { decision: "ALLOWED", reason: "SHARED", grantId: null },
      );
      return denialPlan(schema, operation, analysis) !== null;
    };
    expect([EL, MIDDLE, ALIASED, ROOT_DENIED, ONLY_DENIED_LEAF].map(planned)).toEqual([true, true, true, true, true]);
    expect([WITH_FRAGMENT, WITH_INCLUDE, MASKED, "{ divisions { code } }"].map(planned)).toEqual([false, false, false, false]);
  });
});

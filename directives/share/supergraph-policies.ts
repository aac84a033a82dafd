import { createHash } from "node:crypto";
import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InterfaceTypeDefinitionNode,
  type ObjectTypeDefinitionNode,
} from "graphql";
import { SHARE_SPEC_URL } from "./definition.js";
import { parseShareDirective } from "./parse.js";
import { SHARE_PURPOSES, type ShareClass, type ShareRule } from "./rule.js";

/** What the supergraph says about one field coordinate. */
export interface FieldEntry {
  readonly coordinate: string;
  /** The units whose subgraphs resolve it (several for a shareable field). */
  readonly graphs: readonly string[];
  /** For an entity's key field: the unit that originates the entity (CONTRACT §3). */
  readonly keyOwner: string | null;
  /** Its rule; null: unclassified. */
  readonly rule: ShareRule | null;
}

/** Every field's policy, read once per supergraph (STYLE 2: decide per schema, look up per request). */
export interface PolicyIndex {
  /** Changes whenever the supergraph or the default class does: decisions cached under it. */
  readonly version: string;
  readonly fields: ReadonlyMap<string, FieldEntry>;
  /** `@share` uses that could not be read; `ecofed lint` reports them, the gateway denies those fields. */
  readonly problems: readonly string[];
}

type TypeNode = ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode;

/** The rule a field without `@share` gets under `--default-class` (CONTRACT §1). */
export function defaultRule(shareClass: ShareClass): ShareRule {
  return { class: shareClass, scope: [], purposes: SHARE_PURPOSES, approval: false, mask: "NONE", basis: null };
}

/**
 * Reads every field's `@share` and owner from a supergraph. The owner comes from
 * `@join__field(graph:)`, or the type's only `@join__type` graph; a type-level `@share` is
 * a default only where it can be attributed to one subgraph (CONTRACT §3).
 */
export function readSupergraphPolicies(supergraphSdl: string, defaultClass: ShareClass | null = null): PolicyIndex {
  const document = parse(supergraphSdl);
  const graphNames = joinGraphNames(document);
  const shareName = shareDirectiveName(document);
  const fields = new Map<string, FieldEntry>();
  const problems: string[] = [];
  const fallback = defaultClass ? defaultRule(defaultClass) : null;

  const ruleOf = (directives: readonly ConstDirectiveNode[] | undefined, where: string): ShareRule | null | undefined => {
    const node = directives?.find((d) => d.name.value === shareName);
    if (!node) return undefined;
    const parsed = parseShareDirective(node);
    if (parsed.ok) return parsed.rule;
    problems.push(`${where}: @share ${parsed.problem}`);
    return null; // an unreadable rule denies: fail closed
  };

  for (const def of document.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const typeName = def.name.value;
    const joinTypes = (def.directives ?? []).filter((d) => d.name.value === "join__type");
    if (joinTypes.length === 0) continue; // not a subgraph type (the join spec's own)
    const typeGraphs = unique(joinTypes.map((d) => graphNames.get(enumArg(d, "graph") ?? "") ?? ""));
    const typeRule = ruleOf(def.directives, typeName);
    const typeDefault = typeRule !== undefined && typeGraphs.length === 1 ? typeRule : undefined;
    if (typeRule !== undefined && typeGraphs.length > 1) {
      problems.push(`${typeName}: a type-level @share on a type several subgraphs define cannot say whose fields it covers; put it on the fields`);
    }
    const keyFields = keyFieldNames(joinTypes);
    const origin = originGraph(def, joinTypes, graphNames);
    for (const field of def.fields ?? []) {
      const coordinate = `${typeName}.${field.name.value}`;
      const fieldRule = ruleOf(field.directives, coordinate);
      const rule = fieldRule !== undefined ? fieldRule : typeDefault !== undefined ? typeDefault : fallback;
      fields.set(coordinate, {
        coordinate,
        graphs: fieldGraphs(field, typeGraphs, graphNames),
        keyOwner: keyFields.has(field.name.value) ? origin : null,
        rule,
      });
    }
  }
  const version = createHash("sha256").update(supergraphSdl).update(`\0${defaultClass ?? ""}`).digest("hex").slice(0, 16);
  return { version, fields, problems };
}

/** The unit whose data an occurrence of `entry` is, given the unit of its parent occurrence. */
export function ownerOf(entry: FieldEntry, parentOwner: string | null): string {
  if (entry.keyOwner) return entry.keyOwner;
  if (entry.graphs.length === 1) return entry.graphs[0]!;
  // A shareable field (a PageInfo, say) is served by the unit whose object holds it.
  if (parentOwner && entry.graphs.includes(parentOwner)) return parentOwner;
  return entry.graphs[0] ?? "";
}

function joinGraphNames(document: DocumentNode): Map<string, string> {
  const names = new Map<string, string>();
  for (const def of document.definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || def.name.value !== "join__Graph") continue;
    for (const value of def.values ?? []) {
      const graph = value.directives?.find((d) => d.name.value === "join__graph");
      const name = graph?.arguments?.find((a) => a.name.value === "name")?.value;
      names.set(value.name.value, name?.kind === Kind.STRING ? name.value : value.name.value);
    }
  }
  return names;
}

/** `@share`, or the name the supergraph imported it under (`import: [{ name: "@share", as: … }]`). */
function shareDirectiveName(document: DocumentNode): string {
  for (const def of document.definitions) {
    if (def.kind !== Kind.SCHEMA_DEFINITION && def.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of def.directives ?? []) {
      const url = link.arguments?.find((a) => a.name.value === "url")?.value;
      if (link.name.value !== "link" || url?.kind !== Kind.STRING || !url.value.startsWith(SHARE_SPEC_URL.replace(/v[\d.]+$/, ""))) continue;
      const imports = link.arguments?.find((a) => a.name.value === "import")?.value;
      for (const item of imports?.kind === Kind.LIST ? imports.values : []) {
        if (item.kind !== Kind.OBJECT) continue;
        const as = item.fields.find((f) => f.name.value === "as")?.value;
        if (as?.kind === Kind.STRING) return as.value.replace(/^@/, "");
      }
    }
  }
  return "share";
}

function enumArg(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.ENUM ? value.value : undefined;
}

function boolArg(directive: ConstDirectiveNode, name: string): boolean {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.BOOLEAN && value.value;
}

function fieldGraphs(field: FieldDefinitionNode, typeGraphs: readonly string[], graphNames: Map<string, string>): string[] {
  const joins = (field.directives ?? []).filter((d) => d.name.value === "join__field");
  if (joins.length === 0) return [...typeGraphs];
  const graphs = joins
    .filter((d) => !boolArg(d, "external") && !boolArg(d, "usedOverridden"))
    .map((d) => graphNames.get(enumArg(d, "graph") ?? "") ?? "")
    .filter((g) => g !== "");
  return unique(graphs.length > 0 ? graphs : [...typeGraphs]);
}

function keyFieldNames(joinTypes: readonly ConstDirectiveNode[]): Set<string> {
  const names = new Set<string>();
  for (const d of joinTypes) {
    const key = d.arguments?.find((a) => a.name.value === "key")?.value;
    if (key?.kind !== Kind.STRING) continue;
    // Top-level names of the field set: nested selections belong to other types.
    let depth = 0;
    for (const token of key.value.match(/[{}]|[_A-Za-z][_0-9A-Za-z]*/g) ?? []) {
      if (token === "{") depth++;
      else if (token === "}") depth--;
      else if (depth === 0) names.add(token);
    }
  }
  return names;
}

/** The subgraph that originates an entity: not an extension, and defining most of its fields. */
function originGraph(def: TypeNode, joinTypes: readonly ConstDirectiveNode[], graphNames: Map<string, string>): string | null {
  const candidates = unique(
    joinTypes.filter((d) => !boolArg(d, "extension") && d.arguments?.some((a) => a.name.value === "key")).map((d) => enumArg(d, "graph") ?? ""),
  );
  if (candidates.length === 0) return null;
  const typeGraphs = unique(joinTypes.map((d) => graphNames.get(enumArg(d, "graph") ?? "") ?? ""));
  const count = (graphEnum: string): number =>
    (def.fields ?? []).filter((f) => fieldGraphs(f, typeGraphs, graphNames).includes(graphNames.get(graphEnum) ?? "")).length;
  const best = [...candidates].sort((a, b) => count(b) - count(a))[0]!;
  return graphNames.get(best) ?? null;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

import {
  Kind,
  parse,
  print,
  type ConstDirectiveNode,
  type ConstValueNode,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
} from "graphql";
import { SHARE_DEFINITIONS_SDL, SHARE_SPEC_URL } from "./definition.js";
import { parseShareDirective } from "./parse.js";

/** One subgraph as the lint sees it. */
export interface LintSubgraph {
  readonly name: string;
  readonly sdl: string;
}

// Types federation adds to every subgraph: nobody's data.
const FEDERATION_FIELD = /^(Query\._entities|Query\._service|_Service\.sdl)$/;

/**
 * Checks every subgraph's classification as its own SDL states it (CONTRACT §3, SPEC §2); one
 * line per problem. Composition accepts all of these silently, and several would fail open;
 * what the composed federation shows (its catalog's problems and flags) is checkFederation's.
 */
export function lintSubgraphs(subgraphs: readonly LintSubgraph[]): string[] {
  const problems: string[] = [];
  const documents = new Map<string, DocumentNode>();
  for (const s of subgraphs) {
    try {
      documents.set(s.name, parse(s.sdl));
    } catch (error) {
      problems.push(`${s.name}: SDL does not parse: ${(error as Error).message}`);
    }
  }
  for (const s of subgraphs) {
    const doc = documents.get(s.name);
    if (doc) problems.push(...lintOne(s, doc));
  }
  problems.push(...differingDefinitions(documents));
  problems.push(...resourceDeclaredTwice(documents));
  return problems;
}

function lintOne(subgraph: LintSubgraph, doc: DocumentNode): string[] {
  const problems: string[] = [];
  const at = (where: string, text: string): void => void problems.push(`${subgraph.name}: ${where}: ${text}`);
  const schemaDirectives = doc.definitions.flatMap((d) =>
    d.kind === Kind.SCHEMA_DEFINITION || d.kind === Kind.SCHEMA_EXTENSION ? (d.directives ?? []) : [],
  );
  const shareLink = schemaDirectives.find((d) => d.name.value === "link" && stringArg(d, "url")?.startsWith(SHARE_SPEC_URL));
  const composes = (name: string): boolean => schemaDirectives.some((d) => d.name.value === "composeDirective" && stringArg(d, "name") === name);
  if (!shareLink) at("schema", `does not @link ${SHARE_SPEC_URL}: its fields cannot be classified`);
  // The fail-open trap: linked but not composed, every @share is dropped without a word
  // (every @resource too, and the catalog loses the update frequencies).
  for (const name of shareLink ? new Set(["@share", ...importedNames(shareLink)]) : []) {
    if (!composes(name)) at("schema", `links ${name} but does not @composeDirective(name: "${name}"): composition would drop every ${name} silently`);
  }
  for (const [key, text] of canonical) {
    const own = definitionText(doc, key);
    if (own && own !== text) at(key.startsWith("@") ? `directive ${key}` : key, "differs from the spec's definition (ship it from directives/share/definition.ts)");
  }

  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const typeName = def.name.value;
    if (typeName.startsWith("_") || typeName.startsWith("link__") || typeName.startsWith("federation__")) continue;
    const typeShare = findShare(def.directives);
    for (const field of def.fields ?? []) {
      const coordinate = `${typeName}.${field.name.value}`;
      if (FEDERATION_FIELD.test(coordinate)) continue;
      const share = findShare(field.directives) ?? typeShare;
      if (!share) {
        at(coordinate, "has no @share: unclassified, so it is denied to every other unit");
        continue;
      }
      const parsed = parseShareDirective(share);
      if (!parsed.ok) {
        at(coordinate, `@share ${parsed.problem}`);
        continue;
      }
      if (parsed.rule.mask === "PARTIAL" && !isTextual(field)) at(coordinate, "mask: PARTIAL on a field that is not text: its value could only be withheld");
    }
  }
  return problems;
}

/** The spec's definitions by key: `@share` for a directive, `ShareClass` for a type. */
const canonical = new Map<string, string>(
  parse(SHARE_DEFINITIONS_SDL).definitions.map((d) => [specKey(d), print(d)] as const),
);

function specKey(def: DefinitionNode): string {
  const name = "name" in def && def.name ? def.name.value : "";
  return def.kind === Kind.DIRECTIVE_DEFINITION ? `@${name}` : name;
}

function definitionText(doc: DocumentNode, key: string): string | null {
  const def = doc.definitions.find(
    (d) =>
      specKey(d) === key &&
      (d.kind === Kind.DIRECTIVE_DEFINITION || d.kind === Kind.ENUM_TYPE_DEFINITION || d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION),
  );
  if (!def) return null;
  // Descriptions are prose, not definition.
  return print({ ...def, description: undefined } as DefinitionNode);
}

/** Enums and field arguments several subgraphs define differently: composition merges them silently. */
function differingDefinitions(documents: ReadonlyMap<string, DocumentNode>): string[] {
  const seen = new Map<string, { subgraph: string; text: string }>();
  const problems: string[] = [];
  const note = (key: string, subgraph: string, text: string): void => {
    const first = seen.get(key);
    if (!first) seen.set(key, { subgraph, text });
    else if (first.text !== text) problems.push(`${key}: defined differently in ${first.subgraph} and ${subgraph} (composition merges them silently)`);
  };
  for (const [subgraph, doc] of documents) {
    for (const def of doc.definitions) {
      if (def.kind === Kind.ENUM_TYPE_DEFINITION && !def.name.value.startsWith("link__")) {
        note(`enum ${def.name.value}`, subgraph, (def.values ?? []).map((v) => v.name.value).sort().join(" "));
      }
      if (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.INTERFACE_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION) {
        for (const field of def.fields ?? []) {
          if ((field.arguments ?? []).length === 0) continue;
          const args = (field.arguments ?? []).map((a) => `${a.name.value}: ${print(a.type)}`).sort().join(", ");
          note(`${def.name.value}.${field.name.value}(…)`, subgraph, args);
        }
      }
    }
  }
  return problems;
}

/**
 * Types several subgraphs give a `@resource`: composition keeps one of them without a word,
 * so only the unit that leads the resource declares it (Art. 13).
 */
function resourceDeclaredTwice(documents: ReadonlyMap<string, DocumentNode>): string[] {
  const declaring = new Map<string, string[]>();
  for (const [subgraph, doc] of documents) {
    for (const def of doc.definitions) {
      if ((def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) || !def.directives?.some((d) => d.name.value === "resource")) continue;
      declaring.set(def.name.value, [...(declaring.get(def.name.value) ?? []), subgraph]);
    }
  }
  return [...declaring]
    .filter(([, subgraphs]) => subgraphs.length > 1)
    .map(([type, subgraphs]) => `${type}: @resource declared in ${subgraphs.join(" and ")} (composition keeps one silently): only the lead unit declares it (Art. 13)`);
}

/** The directives a `@link` imports, as `@name`. */
function importedNames(link: ConstDirectiveNode): string[] {
  const imports = link.arguments?.find((a) => a.name.value === "import")?.value;
  return (imports?.kind === Kind.LIST ? imports.values : []).flatMap((item) => {
    const name = item.kind === Kind.STRING ? item.value : item.kind === Kind.OBJECT ? stringValue(item.fields.find((f) => f.name.value === "name")?.value) : undefined;
    return name?.startsWith("@") ? [name] : [];
  });
}

function stringValue(value: ConstValueNode | undefined): string | undefined {
  return value?.kind === Kind.STRING ? value.value : undefined;
}

function findShare(directives: readonly ConstDirectiveNode[] | undefined): ConstDirectiveNode | undefined {
  return directives?.find((d) => d.name.value === "share");
}

function stringArg(directive: ConstDirectiveNode, name: string): string | undefined {
  return stringValue(directive.arguments?.find((a) => a.name.value === name)?.value);
}

function isTextual(field: FieldDefinitionNode): boolean {
  const named = print(field.type).replace(/[[\]!]/g, "");
  return named === "String" || named === "ID";
}

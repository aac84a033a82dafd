import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { isEnumType, Kind, parse, print, type DocumentNode, type GraphQLSchema } from "graphql";
import { parseShareDirective } from "../../directives/share/parse.js";
import { buildSchema, createResolversMap } from "./type-graphql.js";
import { SHARE_DEFINITIONS_SDL } from "../../directives/share/definition.js";
import { pushDownTypeShares } from "../../directives/share/push-down.js";
import { DateScalar, DateTimeScalar } from "../../schema/scalars.js";
import { SUBGRAPH_SCHEMA_HEADER } from "./schema-header.js";
import { checkEntityRepresentations } from "./entity-representations.js";
import type { AnyUnit } from "./unit.js";

export interface BuiltSubgraph {
  readonly schema: GraphQLSchema;
  /** The SDL as composition sees it (what `_service { sdl }` answers). */
  readonly sdl: string;
  /** Coordinates whose `@share` says `mask: PARTIAL`: the only ones an assertion may have masked. */
  readonly maskable: ReadonlySet<string>;
}

/** Builds a unit's Federation 2 subgraph schema from its type-graphql classes. No I/O. */
export async function buildUnitSubgraph(unit: AnyUnit): Promise<BuiltSubgraph> {
  const typeGraphQLSchema = await buildSchema({
    resolvers: unit.resolvers,
    ...(unit.orphanedTypes ? { orphanedTypes: unit.orphanedTypes } : {}),
    scalarsMap: [],
    // Federation adds Query._entities itself; a unit may have no root fields of its own.
    skipCheck: true,
    validate: false,
  });
  const typeDefs = pushDownTypeShares(
    parse(`${SUBGRAPH_SCHEMA_HEADER}\n${shareDefinitionsFor(typeGraphQLSchema)}\n${printSchemaWithDirectives(typeGraphQLSchema)}`),
  );
  const resolverMap = createResolversMap(typeGraphQLSchema) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolveReference] of Object.entries(unit.references)) {
    resolverMap[typeName] = { ...(resolverMap[typeName] ?? {}), __resolveReference: resolveReference };
  }
  resolverMap["Date"] = DateScalar as unknown as Record<string, unknown>;
  resolverMap["DateTime"] = DateTimeScalar as unknown as Record<string, unknown>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const schema = buildSubgraphSchema({ typeDefs, resolvers: resolverMap as any });
  checkEntityRepresentations(schema);
  const sdl = printSubgraphSdl(schema);
  // Read from what composition sees, so the unit masks exactly what the supergraph says is maskable.
  return { schema, sdl, maskable: maskableCoordinates(parse(sdl)) };
}

function maskableCoordinates(typeDefs: DocumentNode): Set<string> {
  const maskable = new Set<string>();
  for (const def of typeDefs.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of def.fields ?? []) {
      const share = field.directives?.find((d) => d.name.value === "share");
      const parsed = share ? parseShareDirective(share) : null;
      if (parsed?.ok && parsed.rule.mask === "PARTIAL") maskable.add(`${def.name.value}.${field.name.value}`);
    }
  }
  return maskable;
}

/**
 * The share spec's definitions a unit's schema does not already hold. A unit that uses
 * the spec's enums in its own types (the audit log's `SharePurpose`) must define them
 * exactly as the spec does: definitions that differ would compose silently.
 */
function shareDefinitionsFor(schema: GraphQLSchema): string {
  const missing = parse(SHARE_DEFINITIONS_SDL).definitions.filter((def) => {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION) return true;
    const own = schema.getType(def.name.value);
    if (!own) return true;
    const spec = (def.values ?? []).map((v) => v.name.value).join(" ");
    const mine = isEnumType(own) ? own.getValues().map((v) => v.name).join(" ") : "";
    if (mine !== spec) throw new Error(`enum ${def.name.value} differs from the share spec's (${spec})`);
    return false;
  });
  return missing.map((d) => print(d)).join("\n");
}

function printSubgraphSdl(schema: GraphQLSchema): string {
  // @apollo/subgraph answers _service.sdl from its own printer; ask it the same way.
  const service = schema.getQueryType()?.getFields()["_service"];
  const resolved = service?.resolve?.({}, {}, {}, {} as never) as { sdl?: string } | undefined;
  if (!resolved?.sdl) throw new Error("subgraph schema has no _service.sdl");
  return resolved.sdl;
}

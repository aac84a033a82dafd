import { Kind, parse, type ConstValueNode } from "graphql";

/** What a unit declares of a list field's size (`@listSize`, Federation's demand-control directive). */
export interface DeclaredListSize {
  readonly assumedSize?: number;
  /** Arguments that state the size; they replace the gateway's usual `first`/`last`/`limit`/`top`. */
  readonly slicingArguments?: readonly string[];
}

/** Every `@listSize` of a supergraph, by coordinate (`Type.field`). */
export function declaredListSizes(supergraphSdl: string): ReadonlyMap<string, DeclaredListSize> {
  const sizes = new Map<string, DeclaredListSize>();
  for (const def of parse(supergraphSdl).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of def.fields ?? []) {
      const directive = field.directives?.find((d) => d.name.value === "listSize");
      if (!directive) continue;
      const arg = (name: string): ConstValueNode | undefined => directive.arguments?.find((a) => a.name.value === name)?.value;
      const assumed = arg("assumedSize");
      const slicing = arg("slicingArguments");
      sizes.set(`${def.name.value}.${field.name.value}`, {
        ...(assumed?.kind === Kind.INT ? { assumedSize: Number(assumed.value) } : {}),
        ...(slicing?.kind === Kind.LIST ? { slicingArguments: slicing.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) } : {}),
      });
    }
  }
  return sizes;
}

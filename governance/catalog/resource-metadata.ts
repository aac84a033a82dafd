import { Kind, type ConstDirectiveNode, type ConstValueNode, type DocumentNode, type ObjectTypeDefinitionNode } from "graphql";
import { SHARE_SPEC_URL, UPDATE_FREQUENCIES, type UpdateFrequency } from "../../directives/share/definition.js";

/** A type's `@resource(updateFrequency:, category:)`, read from the supergraph. */
export interface ResourceMetadata {
  /** Null when the type has no `@resource`, or a frequency this version does not know. */
  readonly updateFrequency: UpdateFrequency | null;
  readonly category: string | null;
}

/** Reads `@resource` under the name the supergraph's share-spec `@link` imports it as. */
export function resourceMetadataReader(document: DocumentNode): (type: ObjectTypeDefinitionNode) => ResourceMetadata {
  const name = importedAs(document, "@resource");
  return (type) => {
    const node = type.directives?.find((d) => d.name.value === name);
    const frequency = enumValue(argument(node, "updateFrequency"));
    const category = argument(node, "category");
    return {
      updateFrequency: (UPDATE_FREQUENCIES as readonly string[]).includes(frequency ?? "") ? (frequency as UpdateFrequency) : null,
      category: category?.kind === Kind.STRING && category.value.trim() !== "" ? category.value : null,
    };
  };
}

function importedAs(document: DocumentNode, directive: string): string {
  const specBase = SHARE_SPEC_URL.replace(/v[\d.]+$/, "");
  for (const def of document.definitions) {
    if (def.kind !== Kind.SCHEMA_DEFINITION && def.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of def.directives ?? []) {
      const url = argument(link, "url");
      if (link.name.value !== "link" || url?.kind !== Kind.STRING || !url.value.startsWith(specBase)) continue;
      const imports = argument(link, "import");
      for (const item of imports?.kind === Kind.LIST ? imports.values : []) {
        if (item.kind !== Kind.OBJECT) continue;
        const field = (n: string): ConstValueNode | undefined => item.fields.find((f) => f.name.value === n)?.value;
        const [importName, as] = [field("name"), field("as")];
        if (importName?.kind === Kind.STRING && importName.value === directive && as?.kind === Kind.STRING) return as.value.replace(/^@/, "");
      }
    }
  }
  return directive.slice(1);
}

function argument(directive: ConstDirectiveNode | undefined, name: string): ConstValueNode | undefined {
  return directive?.arguments?.find((a) => a.name.value === name)?.value;
}

function enumValue(value: ConstValueNode | undefined): string | null {
  return value?.kind === Kind.ENUM ? value.value : null;
}

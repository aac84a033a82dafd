import fc from "fast-check";
import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  OperationTypeNode,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from "graphql";

/**
 * One GraphQL-over-HTTP request body as text: a document built from a schema's real names
 * (and wrong ones), with variables and an operationName that are hostile in their own
 * ways. Variables are JSON *text*: a value 100,000 levels deep cannot be built as an
 * object and stringified (the fuzzer would overflow its own stack before the server does).
 */
export interface HostileOperation {
  readonly query: string;
  /** JSON text of `variables`, or undefined to send none. */
  readonly variablesJson: string | undefined;
  /** JSON text of `operationName` (a string, a number, null…), or undefined to send none. */
  readonly operationNameJson: string | undefined;
}

/** The body `{"query":…,"variables":…,"operationName":…}` as text. */
export function operationBody(op: HostileOperation): string {
  const members = [`"query":${JSON.stringify(op.query)}`];
  if (op.variablesJson !== undefined) members.push(`"variables":${op.variablesJson}`);
  if (op.operationNameJson !== undefined) members.push(`"operationName":${op.operationNameJson}`);
  return `{${members.join(",")}}`;
}

/** Values the demo data really holds, so that some hostile operations reach the units' resolvers. */
export interface DemoFacts {
  readonly creditCodes: readonly string[];
  readonly divisionCodes: readonly string[];
}

/** Draws from fast-check's `fc.gen()`: every choice is recorded, replayed from the seed and shrunk. */
interface Draw {
  int(min: number, max: number): number;
  chance(percent: number): boolean;
  pick<T>(items: readonly T[]): T;
  text(maxLength: number): string;
}

function drawFrom(g: fc.GeneratorValue): Draw {
  return {
    int: (min, max) => g(fc.integer, { min, max }),
    chance: (percent) => g(fc.integer, { min: 0, max: 99 }) < percent,
    pick: <T>(items: readonly T[]): T => items[g(fc.nat, { max: items.length - 1 })]!,
    text: (maxLength) => g(fc.string, { unit: "binary", maxLength }),
  };
}

/** Bits of syntax dropped into or over a valid document (token-level garbage). */
const GARBAGE_TOKENS = [
  "{", "}", "(", ")", "[", "]", "...", "@", "$", ":", "!", "=", "|", "&", '"', '"""', "#", "\\", ",",
  "on", "fragment", "query", "mutation", "subscription", "null", "true", "1e999", "-0", "0x1F", "__schema",
  "\u0000", "\u0007", "\uFEFF", "\u2028", "\ud800", "😀", "企业", "\r", "\t", " ".repeat(3),
];

const BOGUS_FIELDS = ["nope", "__proto__", "constructor", "toString", "_entities", "_service", "__typename", "hasOwnProperty", "a".repeat(300)];
const BOGUS_TYPES = ["Nope", "String", "Int", "Boolean", "__Schema", "_Any", "Query", "Mutation", "Subscription", "[Enterprise]"];
const INTS = ["0", "1", "3", "-1", "100", "10000", "2147483647", "2147483648", "-2147483649", "99999999999999999999", "1.5", "1e3"];
const FLOATS = ["0.5", "-0.0", "1e308", "1e400", "3", "NaN"];
const DATES = ['"2025-01-01"', '"2025-13-45"', '"1900-02-29"', '"x"', '"2025-01-01T00:00:00Z"', '""'];
const DATETIMES = ['"2025-01-01T00:00:00Z"', '"2025-01-01T25:61:00+08:00"', '"2025-01-01"', '"now"', "0"];
const WRONG_LITERALS = ["5", '"x"', "true", "null", "[1, 2]", "{ a: 1 }", "BOGUS_ENUM", "$undeclared", "1.5", '""'];
const DIRECTIVES = [
  "@include(if: true)", "@include(if: false)", "@skip(if: true)", "@skip(if: false)", "@include(if: 5)", '@skip(if: "yes")',
  "@include", "@skip(if: null)", "@include(if: $v0)", "@skip(if: $undeclared)", "@include(if: true, if: false)",
  "@defer", '@defer(label: "x")', "@defer(if: $v0)", "@stream", "@stream(initialCount: 2)", "@stream(initialCount: -1)",
  "@foo", "@deprecated", "@share(class: UNCONDITIONAL)", "@key(fields: \"id\")", "@specifiedBy(url: \"x\")", "@include(if: true) @include(if: true)",
];

/** Directives a valid document may carry anywhere a field or fragment is. */
const VALID_DIRECTIVES = ["@include(if: true)", "@include(if: false)", "@skip(if: true)", "@skip(if: false)"];
/** Ints every Int argument accepts (the others are out of 32 bits or not integers). */
const VALID_INTS = ["0", "1", "3", "-1", "100", "10000", "2147483647"];

/**
 * Hostile operations over `schema`. Half are *clean*: valid documents (real fields, arguments
 * of the right types, fragments on the right types, variables declared for the arguments that
 * use them) whose only hostility is in their values — huge strings, extreme numbers, and
 * variables sent null, of a wrong type, huge or 100,000 levels deep — so they reach
 * coercion, enforcement, planning and the units. The other half are *hostile* all through:
 * names of other types or none, colliding aliases, arguments of wrong types, fragments
 * cyclic, unused, undefined or on wrong types, directives with bad arguments, unknown ones,
 * @defer/@stream, undeclared variables, several operations with and without operationName,
 * subscriptions, introspection, token-level garbage and truncations. A few of either are
 * amplified to trip (or just pass) each operation limit.
 */
export function hostileOperation(schema: GraphQLSchema, facts: DemoFacts): fc.Arbitrary<HostileOperation> {
  return fc.gen().map((g) => new DocumentWriter(schema, facts, drawFrom(g)).operation());
}

interface Variable {
  readonly name: string;
  readonly type: string;
}

class DocumentWriter {
  private readonly composites: GraphQLCompositeType[];
  private readonly inputTypeNames: string[];
  /** No hostility but in the values: the document is valid. */
  private clean = false;
  /** Hostile documents: fragments named up front (their bodies may spread any, themselves too). */
  private pool: { name: string; on: string }[] = [];
  /** Clean documents: fragments written where they are first spread, on the type they are spread in. */
  private written: string[] = [];
  /** Variables of the operation being written. */
  private variables: Variable[] = [];
  private counter = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly facts: DemoFacts,
    private readonly d: Draw,
  ) {
    const named = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith("__"));
    this.composites = named.filter((t): t is GraphQLCompositeType => isCompositeType(t));
    this.inputTypeNames = named.filter((t) => !isCompositeType(t)).map((t) => t.name);
  }

  operation(): HostileOperation {
    const d = this.d;
    this.clean = d.chance(50);
    if (d.chance(8)) return this.amplified();
    const op = this.clean ? this.cleanDocument() : this.hostileDocument();
    return !this.clean && d.chance(20) ? { ...op, query: this.garbled(op.query) } : op;
  }

  /** A hostile choice, `percent` of the time — never in a clean document. */
  private bad(percent: number): boolean {
    return !this.clean && this.d.chance(percent);
  }

  private fresh(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }

  /** One valid operation (or two, with the operationName of one), its fragments, and its variables. */
  private cleanDocument(): HostileOperation {
    const d = this.d;
    this.written = [];
    const count = d.chance(85) ? 1 : 2;
    const operations: string[] = [];
    const values: string[] = [];
    for (let i = 0; i < count; i++) {
      this.variables = [];
      const kind = d.chance(85) ? OperationTypeNode.QUERY : OperationTypeNode.MUTATION;
      const root = this.schema.getRootType(kind) ?? this.schema.getQueryType()!;
      const selection = this.selectionSet(root, 0, d.int(1, 4));
      const definitions = this.variables.map((v) => `$${v.name}: ${v.type}`);
      operations.push(`${kind} Op${i}${definitions.length > 0 ? `(${definitions.join(", ")})` : ""} ${selection}`);
      // Half right, half hostile: null, a wrong type, huge, deep.
      for (const v of this.variables) values.push(`${JSON.stringify(v.name)}:${d.chance(50) ? this.correctJson(v.type) : this.variableJson(v.type)}`);
    }
    return {
      query: [...operations, ...this.written].join("\n"),
      variablesJson: values.length > 0 || d.chance(50) ? `{${values.join(",")}}` : undefined,
      operationNameJson: count > 1 ? JSON.stringify(`Op${d.int(0, count - 1)}`) : d.pick([undefined, '"Op0"', "null"]),
    };
  }

  /** A document of 1–3 operations with fragments, and the variables and operationName sent with it. */
  private hostileDocument(): HostileOperation {
    const d = this.d;
    const fragmentCount = d.chance(40) ? d.int(1, 3) : 0;
    this.pool = Array.from({ length: fragmentCount }, (_, i) => ({
      name: `F${i}`,
      on: d.chance(85) ? d.pick(this.composites).name : d.pick(BOGUS_TYPES.filter((t) => !t.startsWith("["))),
    }));
    const operationCount = d.chance(70) ? 1 : d.int(2, 3);
    const parts: string[] = [];
    const names: string[] = [];
    const declared: Variable[] = [];
    for (let i = 0; i < operationCount; i++) {
      const { text, name } = this.hostileOperationDefinition(i);
      parts.push(text);
      if (name) names.push(name);
      declared.push(...this.variables);
    }
    for (const f of this.pool) {
      const type = this.schema.getType(f.on);
      const body = type && isCompositeType(type) ? this.selectionSet(type, 0, 2) : `{ ${d.pick(BOGUS_FIELDS)} }`;
      parts.push(`fragment ${f.name} on ${f.on} ${d.chance(10) ? d.pick(DIRECTIVES) + " " : ""}${body}`);
    }
    if (d.chance(10)) parts.push(`fragment Unused on ${d.pick(this.composites).name} { __typename }`);
    const order = d.chance(20) ? [...parts].reverse() : parts;
    return {
      query: order.join(d.pick(["\n", " ", ",", "\n\n# comment\n"])),
      variablesJson: this.hostileVariablesJson(declared),
      operationNameJson: this.hostileOperationName(names),
    };
  }

  private hostileOperationDefinition(index: number): { text: string; name: string | null } {
    const d = this.d;
    const kind = d.pick(["query", "query", "query", "mutation", "subscription", "shorthand"] as const);
    const rootName = kind === "shorthand" ? OperationTypeNode.QUERY : (kind as OperationTypeNode);
    const root = this.schema.getRootType(rootName) ?? this.schema.getQueryType()!;
    this.variables = [];
    for (let i = d.chance(50) ? d.int(1, 3) : 0; i > 0; i--) this.variables.push({ name: this.fresh("v"), type: this.hostileVariableType() });
    const definitions = this.variables.map((v) => `$${v.name}: ${v.type}${d.chance(10) ? ` = ${d.pick(WRONG_LITERALS.filter((l) => !l.startsWith("$")))}` : ""}`);
    if (d.chance(5)) definitions.push(definitions[0] ?? "$v0: Int");
    const selection = d.chance(8) && rootName === "query" ? this.introspection() : this.selectionSet(root, 0, d.int(1, 4));
    if (kind === "shorthand") return { text: selection, name: null };
    const name = d.chance(75) ? d.pick([`Op${index}`, `Op${index}`, "Op0", "query", "_", "__x"]) : null;
    const vars = definitions.length > 0 ? `(${definitions.join(", ")})` : "";
    const directives = d.chance(8) ? ` ${d.pick(DIRECTIVES)}` : "";
    return { text: `${kind}${name ? ` ${name}` : ""}${vars}${directives} ${selection}`, name };
  }

  /** A type for a variable: one the schema has (wrapped in lists and non-nulls) or not an input type at all. */
  private hostileVariableType(): string {
    const d = this.d;
    let type = d.chance(85) ? d.pick(this.inputTypeNames) : d.pick([...BOGUS_TYPES, d.pick(this.composites).name]);
    if (d.chance(20)) type = `[${type}${d.chance(50) ? "!" : ""}]`;
    if (d.chance(5)) type = `[[${type}]]`;
    if (d.chance(40)) type = `${type}!`;
    return type;
  }

  private introspection(): string {
    const d = this.d;
    return d.pick([
      "{ __schema { queryType { name } types { name kind fields(includeDeprecated: true) { name args { name } } } } }",
      `{ __type(name: "${d.pick(this.composites).name}") { name fields { name type { name kind ofType { name } } } } }`,
      "{ __schema { directives { name locations args { name } } } }",
      '{ __type(name: "Nope") { name } }',
      "{ __type { name } }",
      "{ __typename __schema { __typename } }",
    ]);
  }

  private selectionSet(type: GraphQLCompositeType, depth: number, maxDepth: number): string {
    const d = this.d;
    const count = d.int(1, depth === 0 ? 4 : 3);
    const selections: string[] = [];
    for (let i = 0; i < count; i++) selections.push(this.selection(type, depth, maxDepth));
    return `{ ${selections.join(d.pick([" ", ", ", "\n"]))} }`;
  }

  private selection(type: GraphQLCompositeType, depth: number, maxDepth: number): string {
    const d = this.d;
    const roll = d.int(0, 99);
    if (roll < 8) return this.spread(type, depth, maxDepth);
    if (roll < 16) {
      const on = this.typeCondition(type);
      const target = on ? this.schema.getType(on) : type;
      const body = target && isCompositeType(target) && depth < maxDepth ? this.selectionSet(target, depth + 1, maxDepth) : "{ __typename }";
      return `... ${on ? `on ${on} ` : ""}${d.chance(15) ? `${this.directive()} ` : ""}${body}`;
    }
    return this.field(type, depth, maxDepth);
  }

  /** A named fragment's spread: in a clean document, of a fragment written for here; else of any (or none). */
  private spread(type: GraphQLCompositeType, depth: number, maxDepth: number): string {
    const d = this.d;
    if (this.clean) {
      const name = this.fresh("F");
      this.written.push(`fragment ${name} on ${type.name} ${depth < maxDepth ? this.selectionSet(type, depth + 1, maxDepth) : "{ __typename }"}`);
      return `...${name}`;
    }
    const name = d.chance(85) && this.pool.length > 0 ? d.pick(this.pool).name : d.pick(["Missing", "F9"]);
    return `...${name}${d.chance(10) ? ` ${d.pick(DIRECTIVES)}` : ""}`;
  }

  private directive(): string {
    const d = this.d;
    if (!this.clean) return d.pick(DIRECTIVES);
    // Through a variable now and then: what the enforcement's rewrite must keep declared.
    if (d.chance(30)) {
      const name = this.fresh("v");
      this.variables.push({ name, type: "Boolean!" });
      return `${d.pick(["@include", "@skip"])}(if: $${name})`;
    }
    return d.pick(VALID_DIRECTIVES);
  }

  /** The type an inline fragment names: the parent, one of its possible types, another type, or none. */
  private typeCondition(parent: GraphQLCompositeType): string | null {
    const d = this.d;
    const roll = d.int(0, 99);
    if (roll < 20) return null;
    if (roll < 75 && (isInterfaceType(parent) || isUnionType(parent))) return d.pick(this.schema.getPossibleTypes(parent)).name;
    if (roll < 75 || this.clean) return parent.name;
    return roll < 95 ? d.pick(this.composites).name : d.pick(BOGUS_TYPES.filter((t) => !t.startsWith("[")));
  }

  private field(type: GraphQLCompositeType, depth: number, maxDepth: number): string {
    const d = this.d;
    const fields = isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : [];
    const alias = d.chance(20) ? `${this.clean ? this.fresh("a") : `${d.pick(["a", "b", "x", "name", "id", "__typename"])}${d.chance(50) ? d.int(0, 3) : ""}`}: ` : "";
    const directives = d.chance(12) ? ` ${this.directive()}` : "";
    if (fields.length === 0 || d.chance(5)) return `${alias}__typename${directives}`;
    if (this.bad(8)) {
      // A real name of another type, or one no type has.
      const other = d.pick(this.composites);
      const otherFields = isObjectType(other) || isInterfaceType(other) ? Object.keys(other.getFields()) : [];
      const name = otherFields.length > 0 && d.chance(60) ? d.pick(otherFields) : d.pick(BOGUS_FIELDS);
      return `${alias}${name}${directives}${d.chance(30) ? " { __typename }" : ""}`;
    }
    const field = d.pick(fields);
    const args = this.argumentsOf(field.args, depth);
    // Two unaliased selections of one field with other arguments conflict: in a clean document each is aliased.
    if (this.clean && args !== "" && alias === "") return `${this.fresh("a")}: ${field.name}${args}${directives}${this.subselection(field.type, depth, maxDepth)}`;
    return `${alias}${field.name}${args}${directives}${this.subselection(field.type, depth, maxDepth)}`;
  }

  private subselection(type: GraphQLOutputType, depth: number, maxDepth: number): string {
    const named = getNamedType(type);
    if (isCompositeType(named)) {
      if (this.bad(6)) return "";
      return depth < maxDepth ? ` ${this.selectionSet(named, depth + 1, maxDepth)}` : " { __typename }";
    }
    return this.bad(4) ? " { __typename }" : ""; // a selection on a leaf
  }

  private argumentsOf(args: readonly GraphQLArgument[], depth: number): string {
    const d = this.d;
    const given: string[] = [];
    for (const arg of args) {
      const required = isNonNullType(arg.type);
      if (required ? this.bad(8) : !d.chance(35)) continue;
      given.push(`${arg.name}: ${this.argumentValue(arg, depth)}`);
    }
    if (this.bad(5)) given.push(`${d.pick(["nope", "first", "filter", ...args.map((a) => a.name)])}: ${d.pick(WRONG_LITERALS)}`);
    return given.length > 0 ? `(${given.join(", ")})` : "";
  }

  private argumentValue(arg: GraphQLArgument, depth: number): string {
    const d = this.d;
    if (arg.name === "query" && d.chance(70) && depth < 2) {
      // explain(query:) takes an operation: give it one of these documents (a clean one may be hostile inside).
      const query = this.schema.getQueryType()!;
      const inner = d.chance(80) ? this.innerDocument(query) : d.pick(["subscription { x }", "mutation { x }", "{", "query A { __typename } query B { __typename }", "{ ...F } fragment F on Query { ...F }", "{ ...B2 } fragment B0 on Query { divisions { code } } fragment B1 on Query { ...B0 ...B0 } fragment B2 on Query { ...B1 ...B1 }"]);
      return JSON.stringify(inner);
    }
    if (d.chance(25)) {
      // Through a variable: declared with the argument's type in a clean document, any way in a hostile one.
      if (this.clean) {
        const name = this.fresh("v");
        this.variables.push({ name, type: String(arg.type) });
        return `$${name}`;
      }
      if (this.variables.length > 0) return `$${d.pick(this.variables).name}`;
      return "$undeclared";
    }
    return this.literal(arg.type, 0);
  }

  /** Another document, for `explain(query:)`: written with this one's state set aside. */
  private innerDocument(query: GraphQLCompositeType): string {
    const saved = { variables: this.variables, written: this.written, clean: this.clean };
    this.variables = [];
    this.written = [];
    this.clean = true;
    const text = [this.selectionSet(query, 0, 2), ...this.written].join(" ");
    Object.assign(this, saved);
    return text;
  }

  /** A literal for `type`: of the right type in a clean document, of a wrong one now and then in a hostile one. */
  private literal(type: GraphQLInputType, depth: number): string {
    const d = this.d;
    if (this.bad(8) || depth > 3) return d.pick(WRONG_LITERALS.filter((l) => !l.startsWith("$")));
    if (isNonNullType(type)) return this.bad(4) ? "null" : this.literal(type.ofType, depth);
    if (isListType(type)) {
      if (d.chance(30)) return this.literal(type.ofType, depth + 1); // one item for a list: coerced
      return `[${Array.from({ length: d.int(0, 3) }, () => this.literal(type.ofType, depth + 1)).join(", ")}]`;
    }
    if (isInputObjectType(type)) {
      const members = Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) || d.chance(30))
        .map((f) => `${f.name}: ${this.literal(f.type, depth + 1)}`);
      if (this.bad(8)) members.push(`${d.pick(["nope", "__proto__"])}: 1`);
      return `{ ${members.join(", ")} }`;
    }
    if (isEnumType(type)) return this.bad(10) ? d.pick(["NOPE", '"ALLOWED"', "null", "true"]) : d.pick(type.getValues()).name;
    return this.scalarLiteral(type as GraphQLNamedType);
  }

  private scalarLiteral(type: GraphQLNamedType): string {
    const d = this.d;
    switch (type.name) {
      case "Int":
        return d.pick(this.clean ? VALID_INTS : INTS);
      case "Float":
        return d.pick(this.clean ? FLOATS.slice(0, 3) : FLOATS);
      case "Boolean":
        return this.clean ? d.pick(["true", "false"]) : d.pick(["true", "false", "1", '"true"']);
      case "Date":
        return d.pick(this.clean ? DATES.slice(0, 1) : DATES);
      case "DateTime":
        return d.pick(this.clean ? DATETIMES.slice(0, 1) : DATETIMES);
      default:
        return JSON.stringify(this.stringValue());
    }
  }

  /** An `_entities` representation: of an entity type with its key, or wrong in some way. */
  private representation(): string {
    const d = this.d;
    const typename = d.chance(80) ? d.pick(this.composites).name : d.pick(["Nope", "", "__Schema", "String"]);
    const key = d.pick(["creditCode", "code", "id", "__proto__"]);
    return d.chance(85) ? JSON.stringify({ __typename: typename, [key]: this.stringValue() }) : d.pick(['"x"', "[1]", '{"creditCode":"x"}', '{"__typename":5}', "{}"]);
  }

  private stringValue(): string {
    const d = this.d;
    const roll = d.int(0, 99);
    if (roll < 35) return d.pick(this.facts.creditCodes);
    if (roll < 55) return d.pick(this.facts.divisionCodes);
    if (roll < 65) return d.pick(["", " ", "%", "_", "' OR 1=1 --", "\\", "ext:x", "info-center", "Enterprise.name", "Query", "null", "9".repeat(40)]);
    if (roll < 72) return "张".repeat(d.int(100, 5_000));
    if (roll < 75) return "x".repeat(d.int(10_000, 60_000));
    return d.text(30);
  }

  private hostileVariablesJson(declared: readonly Variable[]): string | undefined {
    const d = this.d;
    const roll = d.int(0, 99);
    if (roll < 10) return d.pick(["null", "[]", '"{}"', "1", "[{}]", '{"__proto__": {"polluted": true}}']);
    if (roll < 20 && declared.length === 0) return undefined;
    const members: string[] = [];
    for (const v of declared) if (d.chance(85)) members.push(`${JSON.stringify(v.name)}:${this.variableJson(v.type)}`);
    if (d.chance(15)) members.push(`"undeclared":${this.variableJson("String")}`);
    return `{${members.join(",")}}`;
  }

  /** A variable's value as JSON text: right, wrong, null, huge or deep. */
  private variableJson(typeText: string): string {
    const d = this.d;
    const roll = d.int(0, 99);
    if (roll < 12) return "null";
    if (roll < 22) return JSON.stringify("x".repeat(d.int(50_000, 400_000)));
    if (roll < 32) {
      const levels = d.pick([50, 1_000, 10_000, 100_000]);
      return d.chance(50) ? `${"[".repeat(levels)}${"]".repeat(levels)}` : `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;
    }
    if (roll < 50) return d.pick(['"x"', "5", "-1", "1.5", "true", "[1,2]", '{"a":1}', '""', "2147483648", '"\\ud800"', '"\\u0000"', "1e400", "[null]", "{}"]);
    return this.correctJson(typeText);
  }

  private correctJson(typeText: string): string {
    const d = this.d;
    const bare = typeText.endsWith("!") ? typeText.slice(0, -1) : typeText;
    if (bare.startsWith("[")) return `[${this.correctJson(bare.slice(1, -1))}]`;
    const type = this.schema.getType(bare);
    if (!type) return '"x"';
    if (isEnumType(type)) return JSON.stringify(d.pick(type.getValues()).name);
    if (isInputObjectType(type)) {
      const members = Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) || d.chance(30))
        .map((f) => `${JSON.stringify(f.name)}:${this.correctJson(String(f.type))}`);
      return `{${members.join(",")}}`;
    }
    switch (type.name) {
      case "Int":
        return d.pick(["0", "1", "10", "-5", "2147483647"]);
      case "Float":
        return d.pick(["0.5", "1e10"]);
      case "Boolean":
        return d.pick(["true", "false"]);
      case "Date":
        return '"2025-01-01"';
      case "DateTime":
        return '"2025-01-01T00:00:00Z"';
      case "_Any":
        return this.representation();
      default:
        return JSON.stringify(this.stringValue());
    }
  }

  private hostileOperationName(names: readonly string[]): string | undefined {
    const d = this.d;
    const roll = d.int(0, 99);
    if (roll < 45) return undefined;
    if (roll < 80 && names.length > 0) return JSON.stringify(d.pick(names));
    return d.pick(['"Nope"', '""', "null", "5", '["Op0"]', '{"a":1}', JSON.stringify("N".repeat(300)), '"Op0"']);
  }

  /**
   * A document sized to trip one operation limit (or just under it): a deep nesting, an
   * alias flood, a fragment bomb, many operations, root fields or directives.
   */
  private amplified(): HostileOperation {
    const d = this.d;
    const query = this.schema.getQueryType()!;
    const n = (small: number, large: number): number => (d.chance(50) ? d.int(1, small) : d.int(small, large));
    let text: string;
    switch (d.int(0, 5)) {
      case 0: {
        // Nesting down composite fields as far as the schema lets it (cycles included).
        let type: GraphQLCompositeType = query;
        const path: string[] = [];
        this.clean = true;
        for (let i = n(10, 40); i > 0; i--) {
          const fields = isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()).filter((f) => isCompositeType(getNamedType(f.type))) : [];
          if (fields.length === 0) break;
          const f = d.pick(fields);
          path.push(`${f.name}${this.argumentsOf(f.args.filter((a) => isNonNullType(a.type) && a.name !== "query"), 9).replace(/\$v\d+/g, '"x"')}`);
          type = getNamedType(f.type) as GraphQLCompositeType;
        }
        text = path.length === 0 ? "{ __typename }" : `{ ${path.join(" { ")} { __typename }${" }".repeat(path.length)} }`;
        break;
      }
      case 1:
        text = `{ ${Array.from({ length: n(100, 3_000) }, (_, i) => `a${i}: divisions { code }`).join(" ")} }`;
        break;
      case 2: {
        const levels = n(12, 30);
        const defs = [`fragment B0 on Query { divisions { code name } }`];
        for (let i = 1; i <= levels; i++) defs.push(`fragment B${i} on Query { ...B${i - 1} ...B${i - 1} }`);
        text = `{ ...B${levels} } ${defs.join(" ")}`;
        break;
      }
      case 3:
        text = Array.from({ length: n(20, 200) }, (_, i) => `query Q${i} { __typename }`).join(" ");
        break;
      case 4:
        text = `{ ${Array.from({ length: n(30, 500) }, (_, i) => `f${i}: __typename`).join(" ")} }`;
        break;
      default:
        text = `{ divisions { code ${Array.from({ length: n(10, 100) }, () => d.pick(VALID_DIRECTIVES)).join(" ")} } }`;
    }
    return { query: text, variablesJson: undefined, operationNameJson: d.chance(30) ? '"Q1"' : undefined };
  }

  /** The text with token-level damage: truncated, a slice cut out or doubled, garbage dropped in. */
  private garbled(text: string): string {
    const d = this.d;
    let out = text;
    for (let i = d.int(1, 3); i > 0; i--) {
      const at = d.int(0, out.length);
      switch (d.int(0, 3)) {
        case 0:
          out = out.slice(0, at);
          break;
        case 1:
          out = out.slice(0, at) + out.slice(Math.min(out.length, at + d.int(1, 20)));
          break;
        case 2:
          out = out.slice(0, at) + out.slice(at, at + d.int(1, 40)).repeat(d.int(2, 5)) + out.slice(at);
          break;
        default:
          out = out.slice(0, at) + d.pick(GARBAGE_TOKENS) + out.slice(at);
      }
    }
    return out;
  }
}

import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { maskUnexpectedErrors } from "../../server/format-error.js";
import { JSON_TEXT } from "../../server/json-pieces.js";
import type { Decision } from "../../directives/share/evaluate.js";
import type { ShareClass } from "../../directives/share/rule.js";

/** What a denial tells the requester (CONTRACT §4): the field, whose it is, why, how to apply. */
export interface DenialInfo {
  readonly coordinate: string;
  readonly owner: string;
  readonly shareClass: ShareClass | null;
  readonly decision: Decision;
  /**
   * What to apply for to read it (issue 15): the field and every field of the same provider
   * the operation reads under it that the requester would be denied too. Absent: the field alone.
   */
  readonly apply?: readonly string[];
}

/** Reasons no application can change (say the purpose; be unsuspended; classify the field): no `apply`. */
const NOTHING_TO_APPLY_FOR: ReadonlySet<Decision["reason"]> = new Set(["PURPOSE_REQUIRED", "SUSPENDED", "UNCLASSIFIED"]);

/** Whether an application can open a field denied for `reason`. */
export function canApplyFor(reason: Decision["reason"]): boolean {
  return !NOTHING_TO_APPLY_FOR.has(reason);
}

const MESSAGES: Partial<Record<Decision["reason"], string>> = {
  SUSPENDED: "your unit is suspended from reading other units' data (Art. 29)",
  UNCLASSIFIED: "the field has no sharing class, so it is not shared",
  NOT_SHARED: "the field is not shared (Art. 15); only a coordinated application opens it",
  PURPOSE_REQUIRED: "reading another unit's data needs a purpose: send the X-Share-Purpose header",
  PURPOSE_NOT_ALLOWED: "the field is not shared for this purpose (Art. 17)",
  OUT_OF_SCOPE: "the field is shared conditionally and your unit is outside its scope; apply for access",
  APPROVAL_REQUIRED: "the field needs an approved application (Art. 21)",
};

function denialExtensions(info: DenialInfo): Readonly<Record<string, unknown>> {
  return deepFreeze({
    code: "SHARE_DENIED",
    share: {
      coordinate: info.coordinate,
      owner: info.owner,
      class: info.shareClass,
      reason: info.decision.reason,
      ...(canApplyFor(info.decision.reason) ? { apply: { provider: info.owner, coordinates: info.apply ?? [info.coordinate] } } : {}),
    },
  });
}

function deepFreeze<T extends object>(value: T): T {
  for (const member of Object.values(value)) if (typeof member === "object" && member !== null) deepFreeze(member as object);
  return Object.freeze(value);
}

/**
 * What every occurrence of one denial says, made once per analysis: its message, its
 * extensions (frozen: one object for every occurrence) and their JSON text, so that an
 * occurrence is written by stringifying its path alone (the rest is 90 % of its bytes:
 * 401 denials of the gateway benchmark's query (b) took 0.52 ms to stringify whole, their
 * paths 0.06 ms).
 */
export class DenialNotice {
  readonly message: string;
  readonly extensions: Readonly<Record<string, unknown>>;
  /** An occurrence's JSON is `jsonHead + JSON.stringify(path) + jsonTail`. */
  readonly jsonHead: string;
  readonly jsonTail: string;

  constructor(info: DenialInfo) {
    this.message = `${info.coordinate} of ${info.owner} denied: ${MESSAGES[info.decision.reason] ?? info.decision.reason}`;
    this.extensions = denialExtensions(info);
    // The key order of GraphQLError's toJSON, which is what Apollo formats an error from.
    this.jsonHead = `{"message":${JSON.stringify(this.message)},"path":`;
    this.jsonTail = `,"extensions":${JSON.stringify(this.extensions)}}`;
  }
}

type Path = readonly (string | number)[];

/**
 * A GraphQLError built without GraphQLError's constructor. A denial per list item is
 * routine, and that constructor captures a stack and defines a dozen properties each time
 * (~7 % of the gateway's CPU with 400 denials a response). Its prototype is
 * GraphQLError's, so `instanceof GraphQLError` holds and `toJSON` prints it as usual; what
 * the constructor would define alike on every error is on the prototype. It is also what
 * the answer holds (see formatGatewayError), and json-pieces takes its text from
 * `JSON_TEXT`: the notice's parts around its path.
 */
class ShareDeniedError {
  readonly message: string;
  readonly extensions: Readonly<Record<string, unknown>>;
  readonly #notice: DenialNotice;

  constructor(
    notice: DenialNotice,
    readonly path: Path,
  ) {
    this.message = notice.message;
    this.extensions = notice.extensions;
    this.#notice = notice;
  }

  [JSON_TEXT](): string {
    return this.#notice.jsonHead + JSON.stringify(this.path) + this.#notice.jsonTail;
  }
}
Object.setPrototypeOf(ShareDeniedError.prototype, GraphQLError.prototype);
for (const [name, value] of Object.entries({ name: "GraphQLError", stack: "", locations: undefined, nodes: undefined, source: undefined, positions: undefined, originalError: undefined })) {
  Object.defineProperty(ShareDeniedError.prototype, name, { value, enumerable: false });
}

/** One SHARE_DENIED error at a path. */
export function shareDeniedError(notice: DenialNotice, path: Path): GraphQLError {
  return new ShareDeniedError(notice, path) as unknown as GraphQLError;
}

/**
 * The gateway's `formatError`: a denial is answered as itself (its `toJSON` gives what
 * Apollo's copy would hold, and json-pieces writes it from its cached parts); every other
 * error is masked as on every ecofed server.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  return error instanceof ShareDeniedError ? (error as unknown as GraphQLFormattedError) : maskUnexpectedErrors(formatted, error);
}

import { GraphQLError } from "graphql";
import type { Decision } from "../../directives/share/evaluate.js";
import type { ShareClass } from "../../directives/share/rule.js";

/** What a denial tells the requester (CONTRACT §4): the field, whose it is, why, how to apply. */
export interface DenialInfo {
  readonly coordinate: string;
  readonly owner: string;
  readonly shareClass: ShareClass | null;
  readonly decision: Decision;
}

const MESSAGES: Partial<Record<Decision["reason"], string>> = {
  SUSPENDED: "your unit is suspended from reading other units' data (Art. 29)",
  UNCLASSIFIED: "the field has no sharing class, so it is not shared",
  NOT_SHARED: "the field is not shared (Art. 15); only a coordinated application opens it",
  PURPOSE_REQUIRED: "reading another unit's data needs an X-Share-Purpose header",
  PURPOSE_NOT_ALLOWED: "the field is not shared for this purpose (Art. 17)",
  OUT_OF_SCOPE: "the field is shared conditionally and your unit is outside its scope; apply for access",
  APPROVAL_REQUIRED: "the field needs an approved application (Art. 21)",
};

/** The extensions of a SHARE_DENIED error: the same object for every occurrence of a denial. */
export function denialExtensions(info: DenialInfo): Record<string, unknown> {
  return {
    code: "SHARE_DENIED",
    share: {
      coordinate: info.coordinate,
      owner: info.owner,
      class: info.shareClass,
      reason: info.decision.reason,
      apply: { provider: info.owner, coordinates: [info.coordinate] },
    },
  };
}

export function denialMessage(info: DenialInfo): string {
  return `${info.coordinate} of ${info.owner} denied: ${MESSAGES[info.decision.reason] ?? info.decision.reason}`;
}

/**
 * A GraphQLError built without GraphQLError's constructor. A denial per list item is
 * routine, and that constructor captures a stack and defines a dozen properties each time
 * (~7 % of the gateway's CPU with 400 denials a response). Its prototype is
 * GraphQLError's, so `instanceof GraphQLError` holds and `toJSON` prints it as usual.
 */
class ShareDeniedError {
  readonly name = "GraphQLError";
  readonly locations = undefined;
  readonly nodes = undefined;
  readonly source = undefined;
  readonly positions = undefined;
  readonly originalError = undefined;
  readonly stack = "";
  constructor(
    readonly message: string,
    readonly extensions: Record<string, unknown>,
    readonly path: readonly (string | number)[],
  ) {}
}
Object.setPrototypeOf(ShareDeniedError.prototype, GraphQLError.prototype);

/** One SHARE_DENIED error at a path. */
export function shareDeniedError(message: string, extensions: Record<string, unknown>, path: readonly (string | number)[]): GraphQLError {
  return new ShareDeniedError(message, extensions, path) as unknown as GraphQLError;
}

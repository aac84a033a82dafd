import { quoteInput } from "./quote-input.js";
/** A unit's stable code (`atmosphere`), or an external department's (`ext:mnr`), as tokens and certificates name them. */
const UNIT_CODE = /^(ext:)?[a-z][a-z0-9-]{1,39}$/;

/** Why a unit code is not one, or null. */
export function unitCodeProblem(code: string): string | null {
  return UNIT_CODE.test(code) ? null : `must be a unit code (lowercase, digits, "-", optional "ext:"), got ${quoteInput(code)}`;
}

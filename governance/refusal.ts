import type { ErrorCode } from "../schema/errors.js";

export type RefusalCode = Extract<ErrorCode, "FORBIDDEN" | "INVALID_TRANSITION" | "REASON_REQUIRED" | "BAD_USER_INPUT">;

/** Why a governance action is refused, as data: the rules stay pure, the subgraph makes it an error. */
export interface Refusal {
  readonly ok: false;
  readonly code: RefusalCode;
  readonly message: string;
  /** For BAD_USER_INPUT: the argument at fault. */
  readonly argument?: string;
}

export function refuse(code: RefusalCode, message: string, argument?: string): Refusal {
  return { ok: false, code, message, ...(argument ? { argument } : {}) };
}

/** A malformed argument, worded as schema/errors.ts's badUserInput words it. */
export function badArgument(argument: string, problem: string): Refusal {
  return refuse("BAD_USER_INPUT", `Argument "${argument}" ${problem}.`, argument);
}

export function isBlank(text: string | null | undefined): boolean {
  return text === null || text === undefined || text.trim() === "";
}

/** A reason as it is recorded: trimmed, or null when none was given. */
export function reasonText(text: string | null | undefined): string | null {
  return isBlank(text) ? null : text!.trim();
}

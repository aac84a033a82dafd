import { creditCodeProblem } from "../../domain/credit-code.js";
import { isDivisionCodeShape } from "../../domain/divisions.js";
import { quoteInput } from "../../domain/quote-input.js";
import { badUserInput } from "../../schema/errors.js";

/** Checks a credit-code argument; a wrong shape is the client's error, an unknown code is not. */
export function checkCreditCode(argument: string, code: string): string {
  const problem = creditCodeProblem(code);
  if (problem) throw badUserInput(argument, `is not a unified social credit code: ${problem}`);
  return code;
}

/** Checks an optional GB/T 2260 division-code argument. */
export function checkDivisionCode(argument: string, code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  if (!isDivisionCodeShape(code)) throw badUserInput(argument, `must be a six-digit GB/T 2260 code, got ${quoteInput(code)}`);
  return code;
}

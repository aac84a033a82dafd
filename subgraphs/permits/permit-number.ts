import { creditCodeProblem } from "../../domain/credit-code.js";

// 排污许可证编号 as the national permit platform issues them: the holder's 18-character
// credit code, a 3-digit sequence (a holder may hold more than one over time) and "P".
const PERMIT_NUMBER = /^(.{18})(\d{3})P$/;

/** The permit number of `creditCode`'s `sequence`-th permit. */
export function makePermitNumber(creditCode: string, sequence: number): string {
  return `${creditCode}${String(sequence).padStart(3, "0")}P`;
}

/** Why `text` is not a permit number, or null when it has the shape of one. */
export function permitNumberProblem(text: string): string | null {
  const match = PERMIT_NUMBER.exec(text);
  if (!match) return "must be an 18-character credit code, a 3-digit sequence and \"P\"";
  const problem = creditCodeProblem(match[1]!);
  return problem ? `does not start with a credit code: ${problem}` : null;
}

import { DAY_MS } from "../../demo/calendar.js";

/** A permit is valid for five years (排污许可管理条例 第十四条): the last day it covers. */
export function validUntil(issuedOn: string): string {
  const [y, m, d] = issuedOn.split("-").map(Number) as [number, number, number];
  // Five years on, less one day: issued 2022-03-15, valid through 2027-03-14.
  return new Date(Date.UTC(y + 5, m - 1, d) - DAY_MS).toISOString().slice(0, 10);
}

// Record numbers of the bureau: a two-letter prefix (CF 处罚, JC 检查), the year and a
// 6-digit serial within the year.
const INSPECTION_ID = /^JC\d{4}\d{6}$/;
const PENALTY_ID = /^CF\d{4}\d{6}$/;

export function makeRecordId(prefix: "CF" | "JC", year: string, serial: number): string {
  return `${prefix}${year}${String(serial).padStart(6, "0")}`;
}

export function isInspectionId(text: string): boolean {
  return INSPECTION_ID.test(text);
}

export function isPenaltyId(text: string): boolean {
  return PENALTY_ID.test(text);
}

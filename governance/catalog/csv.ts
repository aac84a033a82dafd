/**
 * RFC 4180 text: a field with a comma, a double quote or a line break is quoted, its quotes
 * doubled; records end with CRLF. Text is left as it is (UTF-8 Chinese included).
 */
export function toCsv(records: readonly (readonly string[])[]): string {
  return records.map((fields) => `${fields.map(csvField).join(",")}\r\n`).join("");
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * What a client sent, quoted for an error message: at most `max` characters, so an error
 * never echoes a huge input back (issue 15: a 900 KB divisionCode came back whole).
 */
export function quoteInput(text: string, max = 40): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

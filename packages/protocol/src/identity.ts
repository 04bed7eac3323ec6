// The caret colour of a user: chosen by the server and shown by every client, so both compute it
// the same way from the user id.

/** Caret colours with enough contrast on white. */
export const CARET_COLOURS = [
  '#1c7ed6',
  '#e8590c',
  '#2f9e44',
  '#c2255c',
  '#6741d9',
  '#0c8599',
  '#e67700',
  '#5c940d',
  '#a61e4d',
  '#1864ab',
  '#d6336c',
  '#087f5b',
] as const;

/** A user always gets the same colour. */
export function caretColour(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return CARET_COLOURS[hash % CARET_COLOURS.length] ?? CARET_COLOURS[0];
}

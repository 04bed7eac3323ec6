// The @-autocomplete of the composer: what is being typed after an `@`, and the text once a
// name is picked. The name goes in as plain text: the server finds mentions as written.

/** Longest text after `@` still treated as a name being typed (names may have spaces). */
const MAX_QUERY_LENGTH = 40;
const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

export interface MentionQuery {
  /** Index of the `@`. */
  start: number;
  /** What follows the `@` up to the caret. */
  query: string;
}

/**
 * The mention being typed at the caret, if any: an `@` at the start or after a non-word
 * character, then at most a few words on the same line.
 *
 * @example activeMentionQuery('Hello @Bol', 10) // { start: 6, query: 'Bol' }
 */
export function activeMentionQuery(text: string, caret: number): MentionQuery | null {
  const before = text.slice(Math.max(0, caret - MAX_QUERY_LENGTH - 1), caret);
  const at = before.lastIndexOf('@');
  if (at === -1) return null;
  const start = caret - before.length + at;
  const query = text.slice(start + 1, caret);
  const previous = text[start - 1];
  if (previous !== undefined && WORD_CHARACTER.test(previous)) return null;
  if (/[\n\r@]/.test(query) || query.startsWith(' ') || query.includes('  ')) return null;
  if (query.split(' ').length > 4) return null;
  return { start, query };
}

/** The text with the typed `@query` replaced by `@Name `, and where the caret goes. */
export function insertMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const after = text.slice(caret);
  const spacer = after.startsWith(' ') ? '' : ' ';
  const inserted = `@${name}${spacer}`;
  return {
    text: text.slice(0, mention.start) + inserted + after,
    caret: mention.start + inserted.length + (spacer === '' ? 1 : 0),
  };
}

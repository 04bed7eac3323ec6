// Finds `@Name` mentions of people and cities in a message as written: the longest known name
// that follows an `@`, compared without case or accents, ending at a word boundary. So
// `@Bologna`, `@bologna` and `@Buenos Aires` work without any markup in the stored text.
import type { Mention } from '@uccn/protocol';

export interface MentionCandidate {
  type: Mention['type'];
  /** A user id or a city slug. */
  id: string;
  name: string;
  /** Other ways to write it (a city's slug). */
  aliases?: string[];
}

const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

function sameText(a: string, b: string) {
  return a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;
}

/** The first word after each `@`, lower-cased: what to look people up by. */
export function mentionPrefixes(body: string): string[] {
  const prefixes = new Set<string>();
  for (const match of body.matchAll(/(?:^|[^\p{L}\p{N}_])@([\p{L}\p{N}][\p{L}\p{N}'’-]*)/gu)) {
    if (match[1]) prefixes.add(match[1].toLowerCase());
  }
  return [...prefixes];
}

/** Mentions in order of appearance; a name is only a mention if a candidate matches it. */
export function findMentions(body: string, candidates: MentionCandidate[]): Mention[] {
  const mentions: Mention[] = [];
  const forms = candidates.flatMap((candidate) =>
    [candidate.name, ...(candidate.aliases ?? [])].map((text) => ({ candidate, text })),
  );
  forms.sort((a, b) => b.text.length - a.text.length);
  for (let at = body.indexOf('@'); at !== -1; at = body.indexOf('@', at + 1)) {
    const before = body[at - 1];
    if (before !== undefined && WORD_CHARACTER.test(before)) continue;
    const start = at + 1;
    const match = forms.find(({ text }) => {
      const end = start + text.length;
      const after = body[end];
      return (
        text.length > 0 &&
        sameText(body.slice(start, end), text) &&
        (after === undefined || !WORD_CHARACTER.test(after))
      );
    });
    if (!match) continue;
    const end = start + match.text.length;
    mentions.push({
      type: match.candidate.type,
      id: match.candidate.id,
      name: match.candidate.name,
      start: at,
      end,
    });
    at = end - 1;
  }
  return mentions;
}

// A message body as segments to render: plain text, links (http and https only) and mentions.
// Rendering stays text: nothing here produces HTML, so `<script>` in a message shows as written.
import type { Mention } from '@uccn/protocol';

export type BodySegment =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'mention'; text: string; mention: Mention };

// A scheme we allow, then anything up to whitespace or characters that rarely end a URL in prose.
const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'"*_]$/;

/** Drops what prose puts after a link: a full stop, a comma, an unbalanced closing bracket. */
function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    if (TRAILING_PUNCTUATION.test(url)) {
      url = url.slice(0, -1);
      continue;
    }
    const last = url.at(-1);
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    const open = last ? pairs[last] : undefined;
    if (open && url.split(open).length < url.split(last as string).length) {
      url = url.slice(0, -1);
      continue;
    }
    return url;
  }
}

/** The URL as a safe href, or null when it does not parse as http(s). */
export function safeHref(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    // Not a URL after all (`http://` alone, a bad port): it stays text.
    return null;
  }
}

/**
 * Splits text into plain runs and http(s) links. Any other scheme (`javascript:`, `data:`)
 * stays text.
 *
 * @example linkSegments('see https://unesco.org.') // text 'see ', link 'https://unesco.org', text '.'
 */
export function linkSegments(text: string): BodySegment[] {
  const segments: BodySegment[] = [];
  let from = 0;
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const url = trimUrl(match[0]);
    const href = safeHref(url);
    if (!href) continue;
    const start = match.index;
    if (start > from) segments.push({ kind: 'text', text: text.slice(from, start) });
    segments.push({ kind: 'link', text: url, href });
    from = start + url.length;
  }
  if (from < text.length) segments.push({ kind: 'text', text: text.slice(from) });
  return segments;
}

/**
 * The body cut at the server's mention ranges, the text between linkified. Ranges that overlap,
 * run backwards or fall outside the body are ignored rather than trusted.
 */
export function bodySegments(body: string, mentions: Mention[]): BodySegment[] {
  const segments: BodySegment[] = [];
  let from = 0;
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  for (const mention of ordered) {
    const valid =
      Number.isInteger(mention.start) &&
      Number.isInteger(mention.end) &&
      mention.start >= from &&
      mention.end > mention.start &&
      mention.end <= body.length;
    if (!valid) continue;
    if (mention.start > from) segments.push(...linkSegments(body.slice(from, mention.start)));
    segments.push({ kind: 'mention', text: body.slice(mention.start, mention.end), mention });
    from = mention.end;
  }
  if (from < body.length) segments.push(...linkSegments(body.slice(from)));
  return segments;
}

// What changed between a version and now: blocks first, then the words of a rewritten block.
import { diffArrays, diffWordsWithSpace } from 'diff';
import { blockKey, sameShape, type TextBlock } from './versionBlocks';

export type Change = 'same' | 'added' | 'removed';

/** A run of text in a rewritten block: kept, added since the version, or removed since. */
export interface Piece {
  change: Change;
  text: string;
}

/** One block of the difference, in reading order. */
export interface BlockDiff {
  /** `changed`: the same block, rewritten; its pieces say which words. */
  change: Change | 'changed';
  /** The block as it is now; for a removed block, as it was. */
  block: TextBlock;
  pieces: Piece[];
}

/**
 * How alike two texts must be, by the share of their characters kept, for the second to count
 * as the first rewritten rather than one paragraph deleted and another written.
 */
const REWRITE_SIMILARITY = 0.5;

function push(out: Piece[], change: Change, text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last?.change === change) last.text += text;
  else out.push({ change, text });
}

/**
 * Word pieces, tidied for reading: the diff keeps single spaces between changed words, which
 * reads as "-agenda-+detailed+ +programme+"; a run of changes becomes one removal and one
 * insertion ("-agenda-+detailed programme+"), and the space they both end with stays kept.
 */
function wordPieces(before: string, after: string): Piece[] {
  const parts = diffWordsWithSpace(before, after);
  const out: Piece[] = [];
  let index = 0;
  while (index < parts.length) {
    const part = parts[index] as (typeof parts)[number];
    if (!part.added && !part.removed) {
      push(out, 'same', part.value);
      index += 1;
      continue;
    }
    let removed = '';
    let added = '';
    for (; index < parts.length; index += 1) {
      const next = parts[index] as (typeof parts)[number];
      const following = parts[index + 1];
      if (next.removed) removed += next.value;
      else if (next.added) added += next.value;
      else if (/^\s+$/.test(next.value) && following && (following.added || following.removed)) {
        removed += next.value;
        added += next.value;
      } else break;
    }
    const space = removed && added ? commonTrailingSpace(removed, added) : '';
    push(out, 'removed', removed.slice(0, removed.length - space.length));
    push(out, 'added', added.slice(0, added.length - space.length));
    push(out, 'same', space);
  }
  return out;
}

function commonTrailingSpace(a: string, b: string): string {
  let length = 0;
  while (
    length < a.length &&
    length < b.length &&
    a[a.length - 1 - length] === b[b.length - 1 - length] &&
    /\s/.test(a[a.length - 1 - length] ?? '')
  )
    length += 1;
  return length === 0 ? '' : a.slice(a.length - length);
}

function similarity(pieces: Piece[], before: string, after: string): number {
  const kept = pieces
    .filter((piece) => piece.change === 'same')
    .reduce((sum, piece) => sum + piece.text.trim().length, 0);
  const total = before.trim().length + after.trim().length;
  return total === 0 ? 1 : (2 * kept) / total;
}

const whole = (change: Change, block: TextBlock): BlockDiff => ({
  change,
  block,
  pieces: block.text === '' ? [] : [{ change, text: block.text }],
});

/**
 * Pairs the blocks removed and added at one place: a removed block and a later added one of the
 * same kind, with enough words in common, are one block rewritten; the rest stay removed or added.
 */
function pairHunk(removed: TextBlock[], added: TextBlock[], out: BlockDiff[]): void {
  let next = 0;
  for (const before of removed) {
    let paired = false;
    for (let index = next; index < added.length; index += 1) {
      const after = added[index] as TextBlock;
      if (!sameShape(before, after)) continue;
      const pieces = wordPieces(before.text, after.text);
      if (similarity(pieces, before.text, after.text) < REWRITE_SIMILARITY) continue;
      for (const skipped of added.slice(next, index)) out.push(whole('added', skipped));
      out.push({ change: 'changed', block: after, pieces });
      next = index + 1;
      paired = true;
      break;
    }
    if (!paired) out.push(whole('removed', before));
  }
  for (const rest of added.slice(next)) out.push(whole('added', rest));
}

/**
 * The difference from `before` (a version) to `after` (now). A moved paragraph shows as removed
 * where it was and added where it is; empty paragraphs added or removed are left out.
 *
 * @example
 * diffBlocks(blocksOfDoc(versionDoc), blocksOfDoc(liveDoc)).filter((b) => b.change !== 'same')
 */
export function diffBlocks(before: TextBlock[], after: TextBlock[]): BlockDiff[] {
  const parts = diffArrays(before.map(blockKey), after.map(blockKey));
  const out: BlockDiff[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  let removed: TextBlock[] = [];
  let added: TextBlock[] = [];
  const flush = () => {
    pairHunk(removed, added, out);
    removed = [];
    added = [];
  };
  for (const part of parts) {
    const count = part.value.length;
    if (part.removed) {
      removed.push(...before.slice(oldIndex, oldIndex + count));
      oldIndex += count;
    } else if (part.added) {
      added.push(...after.slice(newIndex, newIndex + count));
      newIndex += count;
    } else {
      flush();
      for (const block of after.slice(newIndex, newIndex + count)) out.push(whole('same', block));
      oldIndex += count;
      newIndex += count;
    }
  }
  flush();
  // An empty line added or taken away is spacing, not a change a reader looks for.
  return out.filter(
    (entry) =>
      entry.change === 'same' || entry.change === 'changed' || !isBlankParagraph(entry.block),
  );
}

const isBlankParagraph = (block: TextBlock) =>
  block.type === 'paragraph' && block.text.trim() === '';

/** How many blocks were added, removed or rewritten. */
export function countChanges(
  diff: BlockDiff[],
): Record<Exclude<BlockDiff['change'], 'same'>, number> {
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const entry of diff) if (entry.change !== 'same') counts[entry.change] += 1;
  return counts;
}

// The difference between a version and now, as a reader sees it: blocks, then words.
import { describe, expect, it } from 'vitest';
import type { TextBlock } from './versionBlocks';
import { type BlockDiff, countChanges, diffBlocks } from './versionDiff';

const block = (text: string, shape: Partial<TextBlock> = {}): TextBlock => ({
  type: 'paragraph',
  level: 0,
  list: null,
  depth: 0,
  quote: false,
  marker: null,
  text,
  ...shape,
});
const heading = (text: string, level = 2) => block(text, { type: 'heading', level });

/** The diff in short: one line per block, words marked +added+ and -removed-. */
function show(diff: BlockDiff[]): string[] {
  return diff.map(({ change, block, pieces }) => {
    const words = pieces
      .map((p) =>
        p.change === 'added' ? `+${p.text}+` : p.change === 'removed' ? `-${p.text}-` : p.text,
      )
      .join('');
    const kind = block.type === 'heading' ? `h${block.level}` : block.type;
    return `${change} ${kind}: ${change === 'changed' ? words : block.text}`;
  });
}

describe('diffBlocks', () => {
  it('finds nothing between equal documents', () => {
    const blocks = [heading('Context'), block('Four cities meet.')];
    expect(show(diffBlocks(blocks, blocks))).toEqual([
      'same h2: Context',
      'same paragraph: Four cities meet.',
    ]);
  });

  it('shows a new paragraph as added and a deleted one as removed', () => {
    const before = [block('Agenda.'), block('Crafts session.'), block('Closing.')];
    const after = [block('Agenda.'), block('Closing.'), block('Music evening.')];
    expect(show(diffBlocks(before, after))).toEqual([
      'same paragraph: Agenda.',
      'removed paragraph: Crafts session.',
      'same paragraph: Closing.',
      'added paragraph: Music evening.',
    ]);
  });

  it('shows the words inserted and deleted in a rewritten paragraph', () => {
    const diff = diffBlocks(
      [block('Bologna proposes the agenda of the forum.')],
      [block('Bologna proposes the detailed programme of the forum.')],
    );
    expect(show(diff)).toEqual([
      'changed paragraph: Bologna proposes the -agenda-+detailed programme+ of the forum.',
    ]);
    expect(diff[0]?.pieces.filter((p) => p.change !== 'same')).toEqual([
      { change: 'removed', text: 'agenda' },
      { change: 'added', text: 'detailed programme' },
    ]);
  });

  it('keeps a heading whose words changed a heading, with the changed words', () => {
    expect(
      show(diffBlocks([heading('Expected impact')], [heading('Expected impact and SDGs')])),
    ).toEqual(['changed h2: Expected impact+ and SDGs+']);
  });

  it('shows a heading that changed level as the old one removed and the new one added', () => {
    expect(show(diffBlocks([heading('Budget', 2)], [heading('Budget', 3)]))).toEqual([
      'removed h2: Budget',
      'added h3: Budget',
    ]);
  });

  it('shows a paragraph rewritten beyond recognition as removed, then the new one as added', () => {
    expect(
      show(
        diffBlocks(
          [block('Kanazawa adds a session on crafts.')],
          [block('The forum is cancelled.')],
        ),
      ),
    ).toEqual([
      'removed paragraph: Kanazawa adds a session on crafts.',
      'added paragraph: The forum is cancelled.',
    ]);
  });

  it('shows a moved paragraph as removed where it was and added where it is', () => {
    const a = block('Partners and their roles.');
    const b = block('Activities.');
    const c = block('Timeline.');
    expect(show(diffBlocks([a, b, c], [b, c, a]))).toEqual([
      'removed paragraph: Partners and their roles.',
      'same paragraph: Activities.',
      'same paragraph: Timeline.',
      'added paragraph: Partners and their roles.',
    ]);
  });

  it('pairs each rewritten block with its own, and leaves a block inserted between them added', () => {
    const diff = diffBlocks(
      [heading('Budget'), block('Twelve thousand euros.')],
      [
        heading('Budget and funding'),
        block('A new paragraph entirely.'),
        block('Twelve thousand euros in all.'),
      ],
    );
    expect(show(diff)).toEqual([
      'changed h2: Budget+ and funding+',
      'added paragraph: A new paragraph entirely.',
      'changed paragraph: Twelve thousand euros+ in all+.',
    ]);
    expect(countChanges(diff)).toEqual({ added: 1, removed: 0, changed: 2 });
  });

  it('tells list items from paragraphs of the same text', () => {
    expect(
      show(
        diffBlocks([block('Crafts')], [block('Crafts', { list: 'bullet', depth: 1, marker: '•' })]),
      ),
    ).toEqual(['removed paragraph: Crafts', 'added paragraph: Crafts']);
  });

  it('keeps every word of both texts, each in its place', () => {
    const pairs = [
      ['The forum opens at nine, in Bologna.', 'The forum opens at ten,  in Bologna and online.'],
      ['Crafts  and music', 'Crafts, design and music'],
    ] as const;
    for (const [before, after] of pairs) {
      const changed = diffBlocks([block(before)], [block(after)]).find(
        (b) => b.change === 'changed',
      );
      const side = (skip: string) =>
        changed?.pieces
          .filter((p) => p.change !== skip)
          .map((p) => p.text)
          .join('');
      expect(changed).toBeDefined();
      expect(side('added')).toBe(before);
      expect(side('removed')).toBe(after);
    }
  });

  it('leaves out empty lines added or removed, but keeps those that stayed', () => {
    const diff = diffBlocks(
      [block(''), block('Agenda.'), block('')],
      [block('Agenda.'), block(''), block('')],
    );
    expect(show(diff)).toEqual(['same paragraph: Agenda.', 'same paragraph: ']);
    expect(countChanges(diff)).toEqual({ added: 0, removed: 0, changed: 0 });
  });

  it('does not count a renumbered list item as changed', () => {
    const item = (marker: string, text: string) =>
      block(text, { list: 'ordered', depth: 1, marker });
    const diff = diffBlocks([item('1.', 'Agenda')], [item('1.', 'Welcome'), item('2.', 'Agenda')]);
    expect(show(diff)).toEqual(['added paragraph: Welcome', 'same paragraph: Agenda']);
    expect(diff[1]?.block.marker).toBe('2.');
  });
});

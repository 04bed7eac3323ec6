// A document body, from its Y.Doc to the flat list of blocks that the diff compares.
import { getSchema, type JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyExtensions } from './extensions';
import { blockKey, blocksOfDoc } from './versionBlocks';
import { BODY_FIELD } from './versionState';

const schema = getSchema(bodyExtensions());

/** A Y.Doc holding a body, as the live editor and saved versions keep it. */
function bodyDoc(...content: JSONContent[]) {
  return prosemirrorJSONToYDoc(schema, { type: 'doc', content }, BODY_FIELD);
}
const text = (value: string): JSONContent => ({ type: 'text', text: value });
const p = (value: string): JSONContent => ({ type: 'paragraph', content: [text(value)] });
const item = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });

describe('blocksOfDoc', () => {
  it('reads headings, paragraphs and rules in order, with heading levels', () => {
    const doc = bodyDoc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Context')] },
      p('Four cities meet in Bologna.'),
      { type: 'horizontalRule' },
      { type: 'codeBlock', content: [text('budget = 12000')] },
    );
    expect(blocksOfDoc(doc).map(({ type, level, text }) => ({ type, level, text }))).toEqual([
      { type: 'heading', level: 2, text: 'Context' },
      { type: 'paragraph', level: 0, text: 'Four cities meet in Bologna.' },
      { type: 'rule', level: 0, text: '' },
      { type: 'codeBlock', level: 0, text: 'budget = 12000' },
    ]);
  });

  it('gives list items their list, depth and marker, and quotes their flag', () => {
    const doc = bodyDoc(
      {
        type: 'orderedList',
        attrs: { start: 1 },
        content: [
          item(p('Agenda'), p('Kept short.')),
          item(p('Crafts'), { type: 'bulletList', content: [item(p('Lacquer'))] }),
        ],
      },
      { type: 'blockquote', content: [p('Culture for all.')] },
    );
    expect(
      blocksOfDoc(doc).map(({ list, depth, marker, quote, text }) => [
        list,
        depth,
        marker,
        quote,
        text,
      ]),
    ).toEqual([
      ['ordered', 1, '1.', false, 'Agenda'],
      ['ordered', 1, null, false, 'Kept short.'],
      ['ordered', 1, '2.', false, 'Crafts'],
      ['bullet', 2, '•', false, 'Lacquer'],
      [null, 0, null, true, 'Culture for all.'],
    ]);
  });

  it('keeps hard breaks as line breaks and marks as plain text', () => {
    const doc = bodyDoc({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Bold', marks: [{ type: 'bold' }] },
        { type: 'hardBreak' },
        text('next line'),
      ],
    });
    expect(blocksOfDoc(doc)[0]?.text).toBe('Bold\nnext line');
  });

  it('reads an empty paragraph as an empty block, and a body never written as none', () => {
    expect(blocksOfDoc(bodyDoc({ type: 'paragraph' })).map((b) => b.text)).toEqual(['']);
    expect(blocksOfDoc(new Y.Doc())).toEqual([]);
  });

  it('gives the same key to the same block, whatever its number in a list', () => {
    const [first] = blocksOfDoc(bodyDoc({ type: 'orderedList', content: [item(p('Agenda'))] }));
    const [moved] = blocksOfDoc(
      bodyDoc({ type: 'orderedList', content: [item(p('Intro')), item(p('Agenda'))] }),
    ).slice(1);
    expect(first && moved && blockKey(first)).toBe(moved && blockKey(moved));
    expect(first?.marker).not.toBe(moved?.marker);
  });
});

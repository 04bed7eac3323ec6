// Anchors made in a ProseMirror document bound to Yjs (y-tiptap's mapping, as in the editor)
// still cover their text after another peer edits before, inside and after them.
import { Schema } from '@tiptap/pm/model';
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorFromRange, quoteOf, rangeFromAnchor, type YBinding } from './anchor';

const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'text*' },
    text: {},
  },
});

const paragraphs = (...texts: string[]) => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

/** What the editor's binding would hold for this Y.Doc right now. */
function bind(doc: Y.Doc) {
  const type = doc.getXmlFragment('default');
  const { doc: node, mapping } = initProseMirrorDoc(type, schema);
  return { binding: { doc, type, mapping } satisfies YBinding, node };
}

function peers(...texts: string[]) {
  const alice = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, paragraphs(...texts), alice.getXmlFragment('default'));
  const bob = new Y.Doc();
  Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
  const sync = () => {
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice, Y.encodeStateVector(bob)));
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob, Y.encodeStateVector(alice)));
  };
  return { alice, bob, sync };
}

/** The XmlText of the n-th paragraph, for editing as a remote peer would. */
const textOf = (doc: Y.Doc, index: number) =>
  (doc.getXmlFragment('default').get(index) as Y.XmlElement).get(0) as Y.XmlText;

/** The anchored text in `doc`, or null when the range is gone. */
function anchored(doc: Y.Doc, anchor: ReturnType<typeof anchorFromRange>) {
  const { binding, node } = bind(doc);
  const range = rangeFromAnchor(binding, anchor);
  return range ? node.textBetween(range.from, range.to, '|') : null;
}

/** The anchor of `quoted` in `doc`, found in the ProseMirror document as the editor sees it. */
function anchorOn(doc: Y.Doc, quoted: string) {
  const { binding, node } = bind(doc);
  let from = -1;
  node.descendants((child, pos) => {
    const at = child.isText ? (child.text ?? '').indexOf(quoted) : -1;
    if (at >= 0 && from < 0) from = pos + at;
  });
  expect(from).toBeGreaterThan(0);
  const anchor = anchorFromRange(binding, { from, to: from + quoted.length });
  // Through JSON and back, as it travels to the server and to other browsers.
  return JSON.parse(JSON.stringify(anchor)) as typeof anchor;
}

describe('comment anchors in a bound document', () => {
  it('resolve back to the range they were made from', () => {
    const { alice } = peers('Context of the project.', 'The festival opens in May.');
    expect(anchored(alice, anchorOn(alice, 'opens in May'))).toBe('opens in May');
    expect(anchored(alice, anchorOn(alice, 'Context'))).toBe('Context');
  });

  it('follow concurrent edits before, inside and after the range', () => {
    const { alice, bob, sync } = peers('Context.', 'The festival opens in May.');
    const anchor = anchorOn(alice, 'opens in May');

    textOf(bob, 0).insert(0, 'Shared ');
    textOf(bob, 1).insert('The festival opens in'.length, ' early');
    textOf(alice, 1).insert('The festival opens in May'.length, ' and June');
    sync();

    expect(anchored(alice, anchor)).toBe('opens in early May');
    expect(anchored(bob, anchor)).toBe('opens in early May');
  });

  it('leave text typed right at either edge outside', () => {
    const { alice, bob, sync } = peers('The festival opens in May.');
    const anchor = anchorOn(alice, 'opens');
    textOf(bob, 0).insert('The festival '.length, '[');
    textOf(alice, 0).insert('The festival opens'.length, ']');
    sync();
    expect(anchored(bob, anchor)).toBe('opens');
  });

  it('span paragraphs, and are gone once their text is deleted', () => {
    const { alice, bob, sync } = peers('First part.', 'Second part.');
    const anchor = anchorOn(alice, 'part.');
    const across = anchorFromRange(bind(alice).binding, { from: 7, to: 20 });
    expect(anchored(alice, across)).toBe('part.|Second');

    textOf(bob, 0).delete(0, 'First part.'.length);
    sync();
    expect(anchored(alice, anchor)).toBeNull();
  });
});

describe('quoteOf', () => {
  it('flattens white space and cuts long quotes', () => {
    expect(quoteOf('  Context\n\nof it ')).toBe('Context of it');
    const long = quoteOf('x'.repeat(600));
    expect(long).toHaveLength(500);
    expect(long.endsWith('…')).toBe(true);
  });
});

// The highlights plugin on a ProseMirror state bound to a Y.Doc (a stand-in for y-tiptap's sync
// plugin holding the same binding): marks follow local edits by mapping, remote edits by
// resolving the anchors again, and a collapsed or resolved thread is not marked.
import { Schema } from '@tiptap/pm/model';
import { EditorState, Plugin } from '@tiptap/pm/state';
import {
  initProseMirrorDoc,
  prosemirrorJSONToYXmlFragment,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorFromRange, type YBinding } from './anchor';
import { commentHighlightsKey, commentHighlightsPlugin, commentRanges } from './commentHighlights';

const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'text*' },
    text: {},
  },
});

function setUp(text: string) {
  const ydoc = new Y.Doc();
  const type = ydoc.getXmlFragment('default');
  prosemirrorJSONToYXmlFragment(
    schema,
    { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
    type,
  );
  const { doc, mapping } = initProseMirrorDoc(type, schema);
  const sync = new Plugin({
    key: ySyncPluginKey,
    state: {
      init: () => ({ doc: ydoc, type, binding: { mapping } }),
      apply: (tr, value) => (tr.getMeta('rebound') as typeof value | undefined) ?? value,
    },
  });
  const state = EditorState.create({ schema, doc, plugins: [sync, commentHighlightsPlugin(null)] });
  const binding: YBinding = { doc: ydoc, type, mapping };
  return { ydoc, type, state, binding };
}

const marked = (state: EditorState) =>
  Object.fromEntries(
    [...commentRanges(state)].map(([id, { from, to }]) => [id, state.doc.textBetween(from, to)]),
  );

/** What y-tiptap does after a remote change: a new mapping, the document replaced, its meta. */
function remoteRender(state: EditorState, ydoc: Y.Doc, type: Y.XmlFragment) {
  const { doc, mapping } = initProseMirrorDoc(type, schema);
  const tr = state.tr
    .replaceWith(0, state.doc.content.size, doc.content)
    .setMeta('rebound', { doc: ydoc, type, binding: { mapping } })
    .setMeta(ySyncPluginKey, { isChangeOrigin: true });
  return state.apply(tr);
}

describe('commentHighlights', () => {
  const text = 'The festival opens in May.';
  const at = (quoted: string) => 1 + text.indexOf(quoted);

  it('marks open threads and leaves resolved ones unmarked', () => {
    const { state, binding } = setUp(text);
    const anchor = anchorFromRange(binding, { from: at('opens'), to: at('opens') + 12 });
    const next = state.apply(
      state.tr.setMeta(commentHighlightsKey, {
        threads: [
          { id: 'open', anchor, resolved: null },
          { id: 'done', anchor, resolved: { at: 'x' } },
        ],
      }),
    );
    expect(marked(next)).toEqual({ open: 'opens in May' });
    const decorations = commentHighlightsKey.getState(next)?.decorations.find() ?? [];
    expect(decorations).toHaveLength(1);
  });

  it('maps its marks through local edits', () => {
    const { state, binding } = setUp(text);
    const anchor = anchorFromRange(binding, { from: at('May'), to: at('May') + 3 });
    let next = state.apply(
      state.tr.setMeta(commentHighlightsKey, { threads: [{ id: 't', anchor, resolved: null }] }),
    );
    next = next.apply(next.tr.insertText('early ', at('May')));
    next = next.apply(next.tr.insertText('!', at('May') + 'early May'.length));
    expect(marked(next)).toEqual({ t: 'May' });
  });

  it('resolves again after a remote edit, and drops a range whose text was deleted', () => {
    const { state, binding, ydoc, type } = setUp(text);
    const may = anchorFromRange(binding, { from: at('May'), to: at('May') + 3 });
    const festival = anchorFromRange(binding, { from: at('festival'), to: at('festival') + 8 });
    let next = state.apply(
      state.tr.setMeta(commentHighlightsKey, {
        threads: [
          { id: 'may', anchor: may, resolved: null },
          { id: 'festival', anchor: festival, resolved: null },
        ],
      }),
    );
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(ydoc));
    const remoteText = (remote.getXmlFragment('default').get(0) as Y.XmlElement).get(
      0,
    ) as Y.XmlText;
    remoteText.insert(0, 'This year, ');
    remoteText.delete('This year, The '.length, 'festival'.length);
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(ydoc)));

    next = remoteRender(next, ydoc, type);
    expect(next.doc.textContent).toBe('This year, The  opens in May.');
    expect(marked(next)).toEqual({ may: 'May' });
  });
});

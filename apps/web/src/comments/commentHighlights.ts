// Marks each comment thread's range in the editor. The ranges come from the threads' anchors,
// resolved against the Y.Doc: again whenever the document changes from Yjs (a remote edit, undo,
// the first load) or the threads change; a local edit just maps the marks it already has.
import { type Editor, Extension } from '@tiptap/core';
import {
  type EditorState,
  Plugin,
  PluginKey,
  TextSelection,
  type Transaction,
} from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { CommentAnchor } from '@uccn/protocol';
import { bindingOf, type Range, rangeFromAnchor, type YBinding } from './anchor';

/** What the highlights need of a thread. */
export interface AnchoredThread {
  id: string;
  anchor: CommentAnchor;
  resolved: unknown;
}

interface HighlightState {
  threads: readonly AnchoredThread[];
  activeId: string | null;
  /** Each shown thread's range now; a thread whose range collapsed is not in it. */
  ranges: ReadonlyMap<string, Range>;
  decorations: DecorationSet;
}

type HighlightMeta = { threads?: readonly AnchoredThread[]; activeId?: string | null };

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

const CLASS = 'uccn-comment';

function decorate(state: EditorState, ranges: ReadonlyMap<string, Range>, activeId: string | null) {
  const decorations = [...ranges].map(([id, { from, to }]) =>
    Decoration.inline(
      from,
      to,
      { class: id === activeId ? `${CLASS} ${CLASS}--active` : CLASS, 'data-comment-id': id },
      { threadId: id },
    ),
  );
  return DecorationSet.create(state.doc, decorations);
}

/**
 * The sync binding while a transaction applies. The sync plugin's state may come after this
 * one's in the new state, and on the first render the binding arrives in the transaction's meta;
 * it is the same object throughout.
 */
function bindingFrom(tr: Transaction, oldState: EditorState, newState: EditorState) {
  const known = bindingOf(newState) ?? bindingOf(oldState);
  if (known) return known;
  const sync = ySyncPluginKey.getState(oldState) as Omit<YBinding, 'mapping'> | undefined;
  const meta = tr.getMeta(ySyncPluginKey) as { binding?: Pick<YBinding, 'mapping'> } | undefined;
  return sync && meta?.binding
    ? { doc: sync.doc, type: sync.type, mapping: meta.binding.mapping }
    : null;
}

/** Resolves every open thread's anchor against the Y.Doc (resolved threads are not marked). */
function resolveRanges(
  state: EditorState,
  binding: YBinding | null,
  threads: readonly AnchoredThread[],
) {
  const ranges = new Map<string, Range>();
  if (!binding) return ranges;
  const size = state.doc.content.size;
  for (const thread of threads) {
    if (thread.resolved) continue;
    const range = rangeFromAnchor(binding, thread.anchor);
    if (range && range.to <= size) ranges.set(thread.id, range);
  }
  return ranges;
}

/** The ProseMirror plugin behind `CommentHighlights` (usable without Tiptap, as in tests). */
export function commentHighlightsPlugin(onActivate: ((threadId: string) => void) | null) {
  return new Plugin<HighlightState>({
    key: commentHighlightsKey,
    state: {
      init: (_, state) => ({
        threads: [],
        activeId: null,
        ranges: new Map(),
        decorations: DecorationSet.create(state.doc, []),
      }),
      apply: (tr, value, oldState, newState) => {
        const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined;
        const fromYjs = tr.getMeta(ySyncPluginKey) !== undefined;
        const threads = meta?.threads ?? value.threads;
        const activeId = meta?.activeId !== undefined ? meta.activeId : value.activeId;
        if (meta?.threads || fromYjs) {
          // y-tiptap updates its mapping before it dispatches a change from Yjs: resolve.
          const binding = bindingFrom(tr, oldState, newState);
          const ranges = resolveRanges(newState, binding, threads);
          return { threads, activeId, ranges, decorations: decorate(newState, ranges, activeId) };
        }
        if (tr.docChanged) {
          // A local edit: the Y.Doc follows only after this transaction, so map instead.
          const ranges = new Map<string, Range>();
          for (const [id, range] of value.ranges) {
            const from = tr.mapping.map(range.from, 1);
            const to = tr.mapping.map(range.to, -1);
            if (to > from) ranges.set(id, { from, to });
          }
          return { threads, activeId, ranges, decorations: decorate(newState, ranges, activeId) };
        }
        if (activeId !== value.activeId) {
          return { ...value, activeId, decorations: decorate(newState, value.ranges, activeId) };
        }
        return value;
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
      handleClick: (view, pos) => {
        const found = commentHighlightsKey.getState(view.state)?.decorations.find(pos, pos).at(0);
        const threadId = (found?.spec as { threadId?: string } | undefined)?.threadId;
        if (threadId && onActivate) onActivate(threadId);
        return false;
      },
    },
  });
}

export interface CommentHighlightsOptions {
  /** Called with a thread's id when someone clicks its marked text. */
  onActivate: ((threadId: string) => void) | null;
}

/**
 * The Tiptap extension; add it next to Collaboration, then feed it with `setCommentThreads`.
 *
 * @example extensions: [..., Collaboration.configure(…), CommentHighlights.configure({ onActivate })]
 */
export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',

  addOptions() {
    return { onActivate: null };
  },

  addProseMirrorPlugins() {
    return [commentHighlightsPlugin(this.options.onActivate)];
  },
});

/** Gives the editor the threads to mark (call again whenever they change). */
export function setCommentThreads(editor: Editor, threads: readonly AnchoredThread[]): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, { threads }));
}

/** Marks one thread as the one being read (or none). */
export function setActiveCommentThread(editor: Editor, activeId: string | null): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, { activeId }));
}

/** Each marked thread's range in the editor now (an empty map without the extension). */
export function commentRanges(state: EditorState): ReadonlyMap<string, Range> {
  return commentHighlightsKey.getState(state)?.ranges ?? new Map();
}

/**
 * Selects a thread's text and scrolls to it; false when its text is gone.
 *
 * @example if (!selectThreadRange(editor, thread.id)) notify(t('comments.textRemoved'))
 */
export function selectThreadRange(editor: Editor, threadId: string, anchor?: CommentAnchor) {
  if (editor.isDestroyed) return false;
  const binding = bindingOf(editor.state);
  const range =
    commentRanges(editor.state).get(threadId) ??
    (anchor && binding ? rangeFromAnchor(binding, anchor) : null);
  if (!range) return false;
  const selection = TextSelection.create(editor.state.doc, range.from, range.to);
  editor.view.dispatch(
    editor.state.tr
      .setSelection(selection)
      .setMeta(commentHighlightsKey, { activeId: threadId })
      .scrollIntoView(),
  );
  editor.view.focus();
  return true;
}

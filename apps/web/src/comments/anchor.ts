// Between the editor's positions and a comment's anchor: a selected range becomes two Yjs
// relative positions (which follow every later edit, here or on another peer), and an anchor
// becomes a range again against the Y.Doc as it is now, or null when its text is gone.
import type { Editor } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import {
  type CommentAnchor,
  MAX_COMMENT_QUOTE_LENGTH,
  type RelativePositionJson,
} from '@uccn/protocol';
import * as Y from 'yjs';

/** Y type → ProseMirror node(s), kept by y-tiptap's binding (its type is not exported). */
type ProsemirrorMapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

/** What y-tiptap's sync binding knows: the Y.Doc, the bound fragment, and Y type → node. */
export interface YBinding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: ProsemirrorMapping;
}

export interface Range {
  from: number;
  to: number;
}

/** The editor's sync binding, or null before the editor is bound to its Y.Doc. */
export function bindingOf(state: EditorState): YBinding | null {
  const sync = ySyncPluginKey.getState(state) as
    | { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: ProsemirrorMapping } | null }
    | undefined;
  if (!sync?.binding) return null;
  return { doc: sync.doc, type: sync.type, mapping: sync.binding.mapping };
}

/**
 * The relative position of `pos`, stuck to the character after it (`side` 0) or before it
 * (`side` -1). y-tiptap always sticks to the one before; a range's start is re-stuck forward so
 * that text typed just before the range stays outside it.
 */
function relativeAt(binding: YBinding, pos: number, side: 0 | -1): Y.RelativePosition {
  const relative = absolutePositionToRelativePosition(
    pos,
    binding.type,
    binding.mapping,
  ) as Y.RelativePosition;
  if (side === -1) return relative;
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, binding.doc);
  if (!absolute || !(absolute.type instanceof Y.XmlText)) return relative;
  return Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, 0);
}

/** Plain JSON, as the API stores it (Yjs' IDs are class instances). */
const toJson = (position: Y.RelativePosition): RelativePositionJson =>
  JSON.parse(JSON.stringify(Y.relativePositionToJSON(position)));

/**
 * The anchor of the range [from, to) in the bound document.
 *
 * @example anchorFromRange(binding, { from: 3, to: 9 }) // { start: { item, assoc: 0 }, end: {…} }
 */
export function anchorFromRange(binding: YBinding, range: Range): CommentAnchor {
  return {
    start: toJson(relativeAt(binding, range.from, 0)),
    end: toJson(relativeAt(binding, range.to, -1)),
  };
}

/** The anchor's range as the document is now; null when its text was deleted (or not loaded). */
export function rangeFromAnchor(binding: YBinding, anchor: CommentAnchor): Range | null {
  const resolve = (position: RelativePositionJson) => {
    let absolute: Y.AbsolutePosition | null;
    try {
      absolute = Y.createAbsolutePositionFromRelativePosition(
        Y.createRelativePositionFromJSON(position),
        binding.doc,
      );
    } catch {
      // A damaged anchor: shown as "text removed", not a crash.
      return null;
    }
    if (!absolute) return null;
    // Re-expressed the way y-tiptap makes positions: it refuses an item-based text position at
    // the very start of the document (a guard for its own selection restore).
    const relative = Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, -1);
    return relativePositionToAbsolutePosition(binding.doc, binding.type, relative, binding.mapping);
  };
  const from = resolve(anchor.start);
  const to = resolve(anchor.end);
  if (from === null || to === null || to <= from) return null;
  return { from, to };
}

/** The text a comment quotes: the selection's text, blocks joined by a space, cut at the limit. */
export function quoteOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_COMMENT_QUOTE_LENGTH
    ? flat
    : `${flat.slice(0, MAX_COMMENT_QUOTE_LENGTH - 1)}…`;
}

/**
 * `{ anchor, quote }` for a new comment on the editor's selection; null when nothing is
 * selected or the editor is not bound to its Y.Doc yet.
 *
 * @example const draft = createCommentFromSelection(editor); if (draft) create({ ...draft, body })
 */
export function createCommentFromSelection(
  editor: Editor,
): { anchor: CommentAnchor; quote: string } | null {
  const { state } = editor;
  const { from, to, empty } = state.selection;
  const binding = bindingOf(state);
  if (empty || !binding) return null;
  const quote = quoteOf(state.doc.textBetween(from, to, ' ', ' '));
  if (quote === '') return null;
  return { anchor: anchorFromRange(binding, { from, to }), quote };
}

// A document body as a flat list of text blocks (heading, paragraph, list item…), for diffs.
import { getSchema } from '@tiptap/core';
import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { bodyExtensions } from './extensions';
import { BODY_FIELD } from './versionState';

export type BlockType = 'paragraph' | 'heading' | 'codeBlock' | 'rule';
export type ListKind = 'bullet' | 'ordered';

/** One block of text and where it sits: what a reader sees as one line or paragraph. */
export interface TextBlock {
  type: BlockType;
  /** Heading level (1–3); 0 for other blocks. */
  level: number;
  /** The innermost list the block sits in, if any. */
  list: ListKind | null;
  /** How deep in lists the block sits: 0 outside lists, 1 in a list, 2 in a nested one… */
  depth: number;
  quote: boolean;
  /** "•" or "3." on the first block of a list item; null elsewhere (and not compared). */
  marker: string | null;
  text: string;
}

interface Context {
  list: ListKind | null;
  depth: number;
  quote: boolean;
  marker: string | null;
}

const TOP: Context = { list: null, depth: 0, quote: false, marker: null };

// Built once: the schema is the editor's, so every node a document can hold is known.
let schema: Schema | null = null;
function bodySchema(): Schema {
  schema ??= getSchema(bodyExtensions());
  return schema;
}

/** A textblock's text, with hard breaks kept as line breaks. */
function textOf(node: PMNode): string {
  return node.textBetween(0, node.content.size, '', (leaf) =>
    leaf.type.name === 'hardBreak' ? '\n' : '',
  );
}

function typeOf(node: PMNode): BlockType | null {
  switch (node.type.name) {
    case 'paragraph':
      return 'paragraph';
    case 'heading':
      return 'heading';
    case 'codeBlock':
      return 'codeBlock';
    case 'horizontalRule':
      return 'rule';
    default:
      return null;
  }
}

function walk(node: PMNode, context: Context, out: TextBlock[]): void {
  const type = typeOf(node);
  if (type) {
    const level = type === 'heading' ? Number(node.attrs.level) || 1 : 0;
    out.push({ type, level, ...context, text: type === 'rule' ? '' : textOf(node) });
    return;
  }
  const name = node.type.name;
  if (name === 'bulletList' || name === 'orderedList') {
    const list: ListKind = name === 'bulletList' ? 'bullet' : 'ordered';
    const start = list === 'ordered' ? Number(node.attrs.start) || 1 : 1;
    node.forEach((item, _offset, index) => {
      const marker = list === 'bullet' ? '•' : `${start + index}.`;
      let first = true;
      item.forEach((child) => {
        // Only the item's first block carries the bullet or number, as on the page.
        walk(
          child,
          { ...context, list, depth: context.depth + 1, marker: first ? marker : null },
          out,
        );
        first = false;
      });
    });
    return;
  }
  const inner = name === 'blockquote' ? { ...context, quote: true } : context;
  node.forEach((child, _offset, index) => {
    walk(child, index === 0 ? inner : { ...inner, marker: null }, out);
  });
}

/** The blocks of a ProseMirror document, in reading order. */
export function blocksOfNode(doc: PMNode): TextBlock[] {
  const out: TextBlock[] = [];
  doc.forEach((child) => {
    walk(child, TOP, out);
  });
  return out;
}

/** The blocks of a document body kept in a Y.Doc (a live one or a saved version). */
export function blocksOfDoc(doc: Y.Doc): TextBlock[] {
  return blocksOfNode(
    yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FIELD), bodySchema()),
  );
}

/** Whether two blocks are the same kind of block in the same place (their text aside). */
export function sameShape(a: TextBlock, b: TextBlock): boolean {
  return (
    a.type === b.type &&
    a.level === b.level &&
    a.list === b.list &&
    a.depth === b.depth &&
    a.quote === b.quote
  );
}

/** A block as a string that is equal for equal blocks (shape and text, not its number). */
export function blockKey(block: TextBlock): string {
  return [
    block.type,
    block.level,
    block.list ?? '',
    block.depth,
    block.quote ? 'q' : '',
    block.text,
  ].join('\u0000');
}

// Reads the Tiptap editor's Yjs body (y-prosemirror's shape) into export blocks: an XmlElement
// per node named after the ProseMirror node, marks as formatting attributes of XmlText.
import * as Y from 'yjs';
import { BODY_FIELD } from '../document-body';
import type { Block, Inline, ListItem, Marks } from './types';

/** y-prosemirror names a mark that may overlap itself `<name>--<8-char hash>`. */
const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;
const SAFE_LINK = /^(https?:|mailto:|tel:|\/|#)/i;

type XmlNode = Y.XmlElement | Y.XmlText | Y.XmlHook;

function safeHref(value: unknown): string | undefined {
  const href =
    typeof value === 'object' && value !== null ? (value as { href?: unknown }).href : undefined;
  return typeof href === 'string' && SAFE_LINK.test(href.trim()) ? href.trim() : undefined;
}

function marksOf(attributes: Record<string, unknown> | undefined): Marks {
  const marks: Marks = {};
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined) continue;
    const name = HASHED_MARK.exec(key)?.[1] ?? key;
    if (name === 'bold' || name === 'italic' || name === 'strike' || name === 'underline') {
      marks[name] = true;
    } else if (name === 'code') {
      marks.code = true;
    } else if (name === 'link') {
      const href = safeHref(value);
      if (href) marks.link = href;
    }
  }
  return marks;
}

function inlineOf(nodes: XmlNode[]): Inline[] {
  const content: Inline[] = [];
  for (const node of nodes) {
    if (node instanceof Y.XmlText) {
      const delta = node.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[];
      for (const op of delta) {
        if (typeof op.insert !== 'string' || op.insert === '') continue;
        // A paragraph holds no newline in ProseMirror; one typed through another client is a space.
        content.push({
          kind: 'text',
          text: op.insert.replace(/\r?\n/g, ' '),
          marks: marksOf(op.attributes),
        });
      }
    } else if (node instanceof Y.XmlElement) {
      if (node.nodeName === 'hardBreak') content.push({ kind: 'break' });
      else content.push(...inlineOf(node.toArray()));
    }
  }
  return content;
}

function plainText(nodes: XmlNode[]): string {
  return nodes
    .map((node) => {
      if (node instanceof Y.XmlText) {
        return (node.toDelta() as { insert?: unknown }[])
          .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
          .join('');
      }
      if (node instanceof Y.XmlElement) {
        return node.nodeName === 'hardBreak' ? '\n' : plainText(node.toArray());
      }
      return '';
    })
    .join('');
}

function numberAttribute(element: Y.XmlElement, name: string, fallback: number) {
  // y-prosemirror stores attributes as ProseMirror gives them: numbers stay numbers.
  const value = Number(element.getAttribute(name) as unknown);
  return Number.isInteger(value) ? value : fallback;
}

function itemsOf(element: Y.XmlElement): ListItem[] {
  return element
    .toArray()
    .filter((child): child is Y.XmlElement => child instanceof Y.XmlElement)
    .map((item) => ({ blocks: blocksOf(item.nodeName === 'listItem' ? item.toArray() : [item]) }));
}

function blockOf(element: Y.XmlElement): Block[] {
  const children = element.toArray();
  switch (element.nodeName) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, numberAttribute(element, 'level', 2)));
      return [
        { type: 'heading', level: level as 1 | 2 | 3 | 4 | 5 | 6, content: inlineOf(children) },
      ];
    }
    case 'paragraph':
      return [{ type: 'paragraph', content: inlineOf(children) }];
    case 'bulletList':
      return [{ type: 'bulletList', items: itemsOf(element) }];
    case 'orderedList':
      return [
        {
          type: 'orderedList',
          start: numberAttribute(element, 'start', 1),
          items: itemsOf(element),
        },
      ];
    case 'blockquote':
      return [{ type: 'blockquote', blocks: blocksOf(children) }];
    case 'codeBlock': {
      const language = element.getAttribute('language') as unknown;
      return [
        {
          type: 'codeBlock',
          language: typeof language === 'string' && language ? language : null,
          text: plainText(children),
        },
      ];
    }
    case 'horizontalRule':
      return [{ type: 'horizontalRule' }];
    default:
      // A node this exporter does not know (a future extension): keep its text, as blocks when
      // it contains blocks, else as a paragraph.
      return children.some(
        (child) => child instanceof Y.XmlElement && child.nodeName !== 'hardBreak',
      )
        ? blocksOf(children)
        : [{ type: 'paragraph', content: inlineOf(children) }];
  }
}

function blocksOf(nodes: XmlNode[]): Block[] {
  return nodes.flatMap((node) => {
    if (node instanceof Y.XmlElement) return blockOf(node);
    if (node instanceof Y.XmlText) return [{ type: 'paragraph', content: inlineOf([node]) }];
    return [];
  });
}

/** True when the block shows nothing: the template's empty paragraphs are left out of exports. */
export function isEmptyBlock(block: Block): boolean {
  if (block.type === 'paragraph' || block.type === 'heading') {
    return block.content.every((inline) => inline.kind === 'text' && inline.text.trim() === '');
  }
  return false;
}

/**
 * The body of a proposal document as export blocks, empty paragraphs left out.
 * @example bodyBlocks(doc) // [{ type: 'heading', level: 2, content: [...] }, ...]
 */
export function bodyBlocks(doc: Y.Doc): Block[] {
  return blocksOf(doc.getXmlFragment(BODY_FIELD).toArray()).filter((block) => !isEmptyBlock(block));
}

/** The body of a stored document: its snapshot (if any) and the log rows after it. */
export function bodyBlocksOf(snapshot: Uint8Array | null, updates: readonly Uint8Array[]) {
  const doc = new Y.Doc({ gc: true });
  if (snapshot) Y.applyUpdate(doc, snapshot);
  for (const update of updates) Y.applyUpdate(doc, update);
  const blocks = bodyBlocks(doc);
  doc.destroy();
  return blocks;
}

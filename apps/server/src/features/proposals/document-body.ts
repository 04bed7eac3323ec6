// A proposal's rich-text body on the server: the template a new proposal starts from, and the
// plain text of a body for search. The body is the Tiptap editor's `default` XmlFragment, in
// y-prosemirror's shape: one XmlElement per block (`heading` with a `level`, `paragraph`), text
// in XmlText children.
import * as Y from 'yjs';

/** The root the web editor binds (`BODY_FIELD` in apps/web/src/documents/editor/versionState.ts). */
export const BODY_FIELD = 'default';

/** The sections every new proposal starts with. */
export const TEMPLATE_SECTIONS = [
  'Context',
  'Objectives',
  'Activities',
  'Partners and their roles',
  'Expected impact and SDGs',
  'Budget',
  'Timeline',
] as const;

/**
 * The first update of a new proposal's document: a level-2 heading per section, each followed by
 * an empty paragraph to type in.
 * @example store.append([{ documentId, update: proposalTemplateUpdate() }]);
 */
export function proposalTemplateUpdate(sections: readonly string[] = TEMPLATE_SECTIONS) {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment(BODY_FIELD);
  const blocks = sections.flatMap((title) => {
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as unknown as string); // y-prosemirror stores attrs as given
    heading.insert(0, [new Y.XmlText(title)]);
    return [heading, new Y.XmlElement('paragraph')];
  });
  body.insert(0, blocks);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

const BLOCK_SEPARATOR = '\n';

function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) {
    // toString() would wrap marked text in tags; the delta holds the bare characters.
    return (node.toDelta() as { insert?: unknown }[])
      .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('');
  }
  if (node instanceof Y.XmlElement) {
    const children = node.toArray().map(textOf);
    const isBlockContainer = node.toArray().some((child) => child instanceof Y.XmlElement);
    return children.join(isBlockContainer ? BLOCK_SEPARATOR : '');
  }
  return '';
}

/**
 * The body's plain text, one line per block: what search indexes.
 * @example bodyText(doc) // "Context\nCities share recipes…\nObjectives\n…"
 */
export function bodyText(doc: Y.Doc): string {
  return doc
    .getXmlFragment(BODY_FIELD)
    .toArray()
    .map(textOf)
    .join(BLOCK_SEPARATOR)
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** The plain text of a stored document: its snapshot (if any) and the log rows after it. */
export function bodyTextOf(snapshot: Uint8Array | null, updates: readonly Uint8Array[]) {
  const doc = new Y.Doc({ gc: true });
  if (snapshot) Y.applyUpdate(doc, snapshot);
  for (const update of updates) Y.applyUpdate(doc, update);
  const text = bodyText(doc);
  doc.destroy();
  return text;
}

// Restoring a version as an ordinary edit: the content of each root type is replaced by the
// version's, inside one transaction on the live document, so that everyone connected sees it at
// once and it can be undone like any edit.
import * as Y from 'yjs';

/** Root types of our documents and how to copy them. The editor's body is `default`. */
export type RootKind = 'xml' | 'text' | 'map' | 'array';
export const DOCUMENT_ROOTS: Record<string, RootKind> = { default: 'xml' };

type Cloneable = Y.XmlElement | Y.XmlText | Y.Map<unknown> | Y.Array<unknown> | Y.Text;

function cloneValue(value: unknown): unknown {
  if (value instanceof Y.AbstractType) return (value as Cloneable).clone();
  return value;
}

/** Guesses a root's kind from its content when it is not declared. */
function kindOf(type: Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>): RootKind | null {
  if (type._map.size > 0) return 'map';
  const first = type._start?.content;
  if (!first) return null;
  if (first instanceof Y.ContentType) return 'xml';
  if (
    first instanceof Y.ContentString ||
    first instanceof Y.ContentFormat ||
    first instanceof Y.ContentEmbed
  )
    return 'text';
  return 'array';
}

function replaceRoot(live: Y.Doc, version: Y.Doc, name: string, kind: RootKind) {
  if (kind === 'xml') {
    const target = live.getXmlFragment(name);
    const source = version.getXmlFragment(name);
    target.delete(0, target.length);
    // Elements and text nodes are what the editor stores; hooks are not used.
    const nodes: (Y.XmlElement | Y.XmlText)[] = [];
    for (const node of source.toArray()) {
      if (node instanceof Y.XmlElement) nodes.push(node.clone());
      else if (node instanceof Y.XmlText) nodes.push(node.clone());
    }
    target.insert(0, nodes);
  } else if (kind === 'text') {
    const target = live.getText(name);
    target.delete(0, target.length);
    target.applyDelta(version.getText(name).toDelta());
  } else if (kind === 'map') {
    const target = live.getMap<unknown>(name);
    const source = version.getMap<unknown>(name);
    for (const key of [...target.keys()]) if (!source.has(key)) target.delete(key);
    for (const [key, value] of source.entries()) target.set(key, cloneValue(value));
  } else {
    const target = live.getArray<unknown>(name);
    target.delete(0, target.length);
    target.insert(0, version.getArray<unknown>(name).toArray().map(cloneValue));
  }
}

/** Makes `live` show the content of `versionState`, as one change (call inside a transaction). */
export function restoreContent(live: Y.Doc, versionState: Uint8Array, roots = DOCUMENT_ROOTS) {
  const version = new Y.Doc();
  Y.applyUpdate(version, versionState);
  const names = new Set([...version.share.keys(), ...live.share.keys(), ...Object.keys(roots)]);
  for (const name of names) {
    const declared = roots[name];
    const found = version.share.get(name) ?? live.share.get(name);
    const kind = declared ?? (found ? kindOf(found) : null);
    if (kind) replaceRoot(live, version, name, kind);
  }
  version.destroy();
}

// A canonical description of what a Y.Doc holds, to compare documents built different ways
// (in memory, from the store, in a client) where the encoded bytes may legitimately differ.
// Iterative throughout: fuzzed documents may nest values or types thousands deep.
import * as Y from 'yjs';

/** A shared type as a document holds it (Yjs types it with an `any` event). */
type SharedType = NonNullable<ReturnType<Y.Doc['share']['get']>>;

/**
 * One line per visible element of every root type (with its own id, so that how items are split
 * does not matter), per map entry, per nested type and formatting mark. Deleted content is left
 * out (compare `Y.snapshot`s for deletions). Roots with nothing visible are left out too: a root
 * exists for any name an update mentions, even when nothing was integrated.
 * @example expect(describeDoc(fromStore)).toBe(describeDoc(inMemory));
 */
export function describeDoc(doc: Y.Doc): string {
  const lines: string[] = [];
  const pending = [...doc.share.keys()]
    .sort()
    .reverse()
    .flatMap((name) => {
      const type = doc.share.get(name);
      return type ? [{ type, path: JSON.stringify(name) }] : [];
    });
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { type, path } = next;
    const children: { type: SharedType; path: string }[] = [];
    const visit = (item: Y.Item, at: string) => {
      const { content } = item;
      const id = (offset: number) => `${item.id.client}:${item.id.clock + offset}`;
      if (content instanceof Y.ContentType) {
        const child = `${at}<${id(0)}>`;
        lines.push(`${child} ${typeName(content.type)}`);
        children.push({ type: content.type, path: child });
      } else if (content instanceof Y.ContentFormat) {
        lines.push(`${at}<${id(0)}> format ${content.key}=${serialize(content.value)}`);
      } else if (content instanceof Y.ContentDoc) {
        lines.push(`${at}<${id(0)}> subdoc ${content.doc?.guid ?? null}`);
      } else {
        content.getContent().forEach((value: unknown, offset: number) => {
          lines.push(`${at}<${id(offset)}> ${serialize(value)}`);
        });
      }
    };
    for (let item = type._start; item !== null; item = item.right) {
      if (!item.deleted) visit(item, path);
    }
    for (const key of [...type._map.keys()].sort()) {
      const item = type._map.get(key);
      if (item && !item.deleted) visit(item, `${path}.${JSON.stringify(key)}`);
    }
    pending.push(...children.reverse());
  }
  return lines.join('\n');
}

function typeName(type: SharedType) {
  if (type instanceof Y.XmlElement) return `XmlElement:${type.nodeName}`;
  if (type instanceof Y.XmlHook) return `XmlHook:${type.hookName}`;
  return type.constructor.name;
}

/** JSON-like text of a value Yjs can hold (with bigints, bytes and undefined), without recursion. */
export function serialize(value: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [value];
  const CLOSE = { close: true };
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === CLOSE) out.push(')');
    else if (typeof current === 'string') out.push(JSON.stringify(current));
    else if (typeof current === 'bigint') out.push(`${current}n`);
    else if (current === undefined) out.push('undefined');
    else if (current instanceof Uint8Array)
      out.push(`bytes:${Buffer.from(current).toString('hex')}`);
    else if (Array.isArray(current)) {
      out.push('[(');
      stack.push(CLOSE, ...[...current].reverse());
    } else if (typeof current === 'object' && current !== null) {
      out.push('{(');
      const entries = Object.entries(current).reverse();
      stack.push(CLOSE, ...entries.flatMap(([key, entry]) => [entry, `${key}:`]));
    } else out.push(String(current));
  }
  return out.join(' ');
}

/** The first line where two descriptions differ, for a failure message. */
export function diffDescriptions(expected: string, actual: string) {
  const left = expected.split('\n');
  const right = actual.split('\n');
  let at = 0;
  while (at < left.length && left[at] === right[at]) at += 1;
  const cut = (line: string | undefined) => (line === undefined ? '(none)' : line.slice(0, 200));
  return `line ${at + 1} of ${left.length}/${right.length}: expected ${cut(left[at])}, got ${cut(right[at])}`;
}

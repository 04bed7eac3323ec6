import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BODY_FIELD,
  bodyText,
  bodyTextOf,
  proposalTemplateUpdate,
  TEMPLATE_SECTIONS,
} from './document-body';

describe('proposalTemplateUpdate', () => {
  it('writes a level-2 heading and an empty paragraph per section, as the editor stores them', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, proposalTemplateUpdate());
    const blocks = doc.getXmlFragment(BODY_FIELD).toArray() as Y.XmlElement[];
    expect(blocks).toHaveLength(TEMPLATE_SECTIONS.length * 2);
    expect(blocks[0]?.nodeName).toBe('heading');
    expect(blocks[0]?.getAttribute('level')).toBe(2);
    expect(blocks[0]?.toString()).toBe('<heading level="2">Context</heading>');
    expect(blocks[1]?.toString()).toBe('<paragraph></paragraph>');
    expect(blocks.filter((b) => b.nodeName === 'heading').map((b) => bodyTextOfBlock(b))).toEqual([
      ...TEMPLATE_SECTIONS,
    ]);
  });
});

function bodyTextOfBlock(block: Y.XmlElement) {
  const doc = new Y.Doc();
  doc.getXmlFragment(BODY_FIELD).insert(0, [block.clone()]);
  return bodyText(doc);
}

describe('bodyText', () => {
  it('gives one line per block, without mark tags, list items included', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, proposalTemplateUpdate(['Context']));
    const paragraph = doc.getXmlFragment(BODY_FIELD).get(1) as Y.XmlElement;
    const text = new Y.XmlText('Festivals of street food');
    paragraph.insert(0, [text]);
    text.format(0, 9, { bold: {} });
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    const inner = new Y.XmlElement('paragraph');
    inner.insert(0, [new Y.XmlText('Workshops')]);
    item.insert(0, [inner]);
    list.insert(0, [item]);
    doc.getXmlFragment(BODY_FIELD).push([list]);
    expect(bodyText(doc)).toBe('Context\nFestivals of street food\nWorkshops');
  });

  it('reads a stored document from a snapshot and log rows', () => {
    const base = proposalTemplateUpdate(['Budget']);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    const before = Y.encodeStateVector(doc);
    (doc.getXmlFragment(BODY_FIELD).get(1) as Y.XmlElement).insert(0, [new Y.XmlText('40 000 €')]);
    expect(bodyTextOf(base, [Y.encodeStateAsUpdate(doc, before)])).toBe('Budget\n40 000 €');
    expect(bodyTextOf(null, [])).toBe('');
  });
});

// A version's state, from base64 back into a document apart from the live one.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FIELD, base64ToBytes, versionDoc } from './versionState';

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

describe('versionDoc', () => {
  it('rebuilds the body of a saved state', () => {
    const live = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Agenda of the annual meeting')]);
    live.getXmlFragment(BODY_FIELD).insert(0, [paragraph]);

    const copy = versionDoc(toBase64(Y.encodeStateAsUpdate(live)));
    expect(copy).not.toBe(live);
    expect(copy.getXmlFragment(BODY_FIELD).toString()).toBe(
      '<paragraph>Agenda of the annual meeting</paragraph>',
    );
  });

  it('decodes base64 byte for byte', () => {
    const bytes = new Uint8Array([0, 1, 127, 128, 255]);
    expect([...base64ToBytes(toBase64(bytes))]).toEqual([...bytes]);
  });
});

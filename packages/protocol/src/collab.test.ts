import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CloseCode,
  CloseReason,
  decodeSavedMessage,
  encodeSavedMessage,
  MessageType,
} from './collab';

describe('saved acknowledgement', () => {
  it('round-trips a state vector behind its own message type', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    const vector = Y.encodeStateVector(doc);
    const message = encodeSavedMessage(vector);
    expect(decoding.readVarUint(decoding.createDecoder(message))).toBe(MessageType.Saved);
    expect(Y.decodeStateVector(decodeSavedMessage(message)).get(doc.clientID)).toBe(5);
  });

  it('does not collide with y-websocket message types', () => {
    expect(MessageType.Saved).toBeGreaterThan(3);
  });
});

describe('close codes', () => {
  it('are private-range codes, each with a short reason', () => {
    for (const code of Object.values(CloseCode)) {
      expect(code).toBeGreaterThanOrEqual(4000);
      expect(code).toBeLessThan(5000);
      expect(Buffer.byteLength(CloseReason[code])).toBeLessThanOrEqual(123);
    }
  });
});

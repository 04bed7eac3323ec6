// The save indicator's logic against real Yjs documents and state vectors.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ackedClock, localClock, nextConnection, saveStateOf } from './saveState';

describe('nextConnection', () => {
  it('goes online when connected and offline on any loss', () => {
    expect(nextConnection('connecting', 'connecting')).toBe('connecting');
    expect(nextConnection('connecting', 'connected')).toBe('online');
    expect(nextConnection('online', 'close')).toBe('offline');
    expect(nextConnection('online', 'disconnected')).toBe('offline');
    expect(nextConnection('connecting', 'close')).toBe('offline');
  });

  it('stays offline while the provider retries', () => {
    expect(nextConnection('offline', 'connecting')).toBe('offline');
    expect(nextConnection('offline', 'connected')).toBe('online');
  });
});

describe('clocks', () => {
  it('counts only this client’s edits', () => {
    const doc = new Y.Doc();
    expect(localClock(doc)).toBe(0);
    doc.getText('t').insert(0, 'abc');
    expect(localClock(doc)).toBe(3);
    const other = new Y.Doc();
    other.getText('t').insert(0, 'hello');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(localClock(doc)).toBe(3);
  });

  it('keeps the highest acked clock for this client', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'abcd');
    const saved = Y.encodeStateVector(doc);
    expect(ackedClock(0, saved, doc.clientID)).toBe(4);
    expect(ackedClock(9, saved, doc.clientID)).toBe(9);
    expect(ackedClock(2, saved, doc.clientID + 1)).toBe(2);
  });
});

describe('saveStateOf', () => {
  it('says saved once the server acked every local edit', () => {
    expect(saveStateOf({ connection: 'online', local: 0, acked: 0 })).toBe('saved');
    expect(saveStateOf({ connection: 'online', local: 5, acked: 3 })).toBe('saving');
    expect(saveStateOf({ connection: 'online', local: 5, acked: 5 })).toBe('saved');
  });

  it('says offline while disconnected, whatever was acked', () => {
    expect(saveStateOf({ connection: 'offline', local: 5, acked: 3 })).toBe('offline');
    expect(saveStateOf({ connection: 'offline', local: 5, acked: 5 })).toBe('offline');
    expect(saveStateOf({ connection: 'connecting', local: 0, acked: 0 })).toBe('connecting');
  });

  it('follows a document through an edit and its acknowledgement', () => {
    const doc = new Y.Doc();
    let acked = 0;
    doc.getXmlFragment('default').insert(0, [new Y.XmlText('Hello')]);
    expect(saveStateOf({ connection: 'online', local: localClock(doc), acked })).toBe('saving');
    acked = ackedClock(acked, Y.encodeStateVector(doc), doc.clientID);
    expect(saveStateOf({ connection: 'online', local: localClock(doc), acked })).toBe('saved');
  });
});

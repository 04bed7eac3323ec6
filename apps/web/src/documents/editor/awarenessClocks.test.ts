// Presence across a reconnection, with two real y-protocols Awareness instances.
import { describe, expect, it } from 'vitest';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import { announce, forgetPeers } from './awarenessClocks';

function pair() {
  const mine = new Awareness(new Y.Doc());
  const theirs = new Awareness(new Y.Doc());
  mine.setLocalStateField('user', { name: 'Bologna' });
  theirs.setLocalStateField('user', { name: 'Kanazawa' });
  const send = (from: Awareness, to: Awareness) =>
    applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'remote');
  send(mine, theirs);
  send(theirs, mine);
  // The connection drops: each side removes the other, as the provider and the server do.
  removeAwarenessStates(theirs, [mine.clientID], 'remote');
  removeAwarenessStates(mine, [theirs.clientID], 'remote');
  return { mine, theirs, send };
}

describe('announce', () => {
  it('makes us visible again to a peer that remembers our clock', () => {
    const { mine, theirs, send } = pair();
    send(mine, theirs);
    expect(theirs.getStates().has(mine.clientID)).toBe(false);
    announce(mine);
    send(mine, theirs);
    expect(theirs.getStates().get(mine.clientID)).toEqual({ user: { name: 'Bologna' } });
  });
});

describe('forgetPeers', () => {
  it('lets a peer’s state with its old clock in again', () => {
    const { mine, theirs, send } = pair();
    send(theirs, mine);
    expect(mine.getStates().has(theirs.clientID)).toBe(false);
    forgetPeers(mine);
    send(theirs, mine);
    expect(mine.getStates().get(theirs.clientID)).toEqual({ user: { name: 'Kanazawa' } });
  });

  it('keeps our own clock and the peers still present', () => {
    const { mine, theirs, send } = pair();
    forgetPeers(mine);
    send(theirs, mine);
    forgetPeers(mine);
    expect(mine.meta.has(mine.clientID)).toBe(true);
    expect(mine.meta.has(theirs.clientID)).toBe(true);
  });
});

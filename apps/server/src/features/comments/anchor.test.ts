// The claim behind anchored comments: a range kept as two Yjs relative positions still covers
// the same text after other people insert and delete around it and inside it, concurrently.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommentAnchorSchema } from './anchor';

type Anchor = { start: Y.RelativePosition; end: Y.RelativePosition };

function anchorOf(text: Y.Text, from: number, to: number) {
  // The start sticks to the character after it and the end to the one before it, so text
  // typed at either edge stays outside the range.
  const start = Y.createRelativePositionFromTypeIndex(text, from, 0);
  const end = Y.createRelativePositionFromTypeIndex(text, to, -1);
  // Stored and sent as JSON: go through the same round trip.
  const json = JSON.parse(
    JSON.stringify({ start: Y.relativePositionToJSON(start), end: Y.relativePositionToJSON(end) }),
  );
  expect(CommentAnchorSchema.safeParse(json).success).toBe(true);
  return {
    start: Y.createRelativePositionFromJSON(json.start),
    end: Y.createRelativePositionFromJSON(json.end),
  } satisfies Anchor;
}

function rangeText(doc: Y.Doc, anchor: Anchor): string | null {
  const start = Y.createAbsolutePositionFromRelativePosition(anchor.start, doc);
  const end = Y.createAbsolutePositionFromRelativePosition(anchor.end, doc);
  if (!start || !end || end.index <= start.index) return null;
  return doc.getText('body').toString().slice(start.index, end.index);
}

/** Two peers that start from the same text and exchange updates only when told. */
function twoPeers(initial: string) {
  const alice = new Y.Doc();
  const bob = new Y.Doc();
  alice.getText('body').insert(0, initial);
  Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
  const exchange = () => {
    const fromAlice = Y.encodeStateAsUpdate(alice, Y.encodeStateVector(bob));
    const fromBob = Y.encodeStateAsUpdate(bob, Y.encodeStateVector(alice));
    Y.applyUpdate(bob, fromAlice);
    Y.applyUpdate(alice, fromBob);
  };
  return { alice, bob, exchange };
}

describe('a comment anchor made of relative positions', () => {
  const initial = 'The festival opens in May with a parade.';
  const quoted = 'opens in May';
  const from = initial.indexOf(quoted);

  it('keeps its text while another peer inserts before, inside and after it', () => {
    const { alice, bob, exchange } = twoPeers(initial);
    const anchor = anchorOf(alice.getText('body'), from, from + quoted.length);

    // Concurrent: Alice edits after the range while Bob edits before and inside it.
    alice.getText('body').insert(initial.length - 1, ' through the old town');
    bob.getText('body').insert(0, 'Good news: ');
    bob.getText('body').insert('Good news: '.length + from + 'opens in'.length, ' early');
    exchange();

    expect(alice.getText('body').toString()).toBe(bob.getText('body').toString());
    const expected = 'opens in early May';
    expect(rangeText(alice, anchor)).toBe(expected);
    expect(rangeText(bob, anchor)).toBe(expected);
  });

  it('does not swallow text typed right at its edges', () => {
    const { alice, bob, exchange } = twoPeers(initial);
    const anchor = anchorOf(alice.getText('body'), from, from + quoted.length);
    bob.getText('body').insert(from, '[');
    alice.getText('body').insert(from + quoted.length, ']');
    exchange();
    expect(rangeText(bob, anchor)).toBe(quoted);
    expect(bob.getText('body').toString()).toContain('[opens in May]');
  });

  it('shrinks with deletions inside it and collapses when its text is deleted', () => {
    const { alice, bob, exchange } = twoPeers(initial);
    const anchor = anchorOf(alice.getText('body'), from, from + quoted.length);
    bob.getText('body').delete(from + 'opens '.length, 'in '.length);
    alice.getText('body').insert(0, '2027: ');
    exchange();
    expect(rangeText(alice, anchor)).toBe('opens May');

    alice.getText('body').delete(alice.getText('body').toString().indexOf('opens May'), 9);
    exchange();
    expect(rangeText(bob, anchor)).toBeNull();
  });
});

describe('CommentAnchorSchema', () => {
  const position = { item: { client: 1, clock: 4 }, assoc: 0 };

  it('refuses what is not a pair of relative positions', () => {
    expect(CommentAnchorSchema.safeParse({ start: position }).success).toBe(false);
    expect(CommentAnchorSchema.safeParse({ start: {}, end: position }).success).toBe(false);
    expect(
      CommentAnchorSchema.safeParse({ start: position, end: { ...position, html: '<b>' } }).success,
    ).toBe(false);
  });

  it('refuses an anchor over its size limit', () => {
    const named = (length: number) => ({ tname: 'x'.repeat(length), assoc: 0 });
    expect(CommentAnchorSchema.safeParse({ start: named(900), end: named(900) }).success).toBe(
      true,
    );
    expect(CommentAnchorSchema.safeParse({ start: named(1100), end: named(1100) }).success).toBe(
      false,
    );
  });
});

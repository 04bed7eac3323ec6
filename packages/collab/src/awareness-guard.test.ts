import { describe, expect, it } from 'vitest';
import { decodeAwarenessUpdate, encodeAwarenessUpdate, guardAwareness } from './awareness-guard';

const identity = {
  userId: 'u1',
  name: 'Ana',
  cityName: 'Popayán',
  citySlug: 'popayan',
  color: '#123456',
};
const entry = (clientId: number, state: unknown) => ({
  clientId,
  clock: 1,
  state: JSON.stringify(state),
});

describe('guardAwareness', () => {
  it('sets the server identity on every state', () => {
    const { accepted } = guardAwareness(
      [entry(1, { cursor: 3, user: { name: 'Anything', color: 'red' } })],
      identity,
      () => false,
    );
    expect(JSON.parse(accepted[0]?.state ?? 'null')).toEqual({
      cursor: 3,
      user: { id: 'u1', name: 'Ana', city: 'Popayán', citySlug: 'popayan', color: '#123456' },
    });
  });
  it("drops a state that names another user, a non-object, bad JSON, or another connection's client", () => {
    const result = guardAwareness(
      [
        entry(1, { user: { id: 'u2' } }),
        entry(2, 'text'),
        { clientId: 3, clock: 1, state: '{' },
        entry(4, { a: 1 }),
      ],
      identity,
      (clientId) => clientId === 4,
    );
    expect(result).toEqual({ accepted: [], dropped: 4 });
  });
  it('lets a client remove its state (null)', () => {
    expect(guardAwareness([entry(1, null)], identity, () => false).accepted).toHaveLength(1);
  });
  it('round-trips the wire format and refuses trailing bytes', () => {
    const entries = [entry(7, { a: 'é' })];
    expect(decodeAwarenessUpdate(encodeAwarenessUpdate(entries))).toEqual(entries);
    expect(() =>
      decodeAwarenessUpdate(new Uint8Array([...encodeAwarenessUpdate(entries), 1])),
    ).toThrow();
  });
});

// Reading awareness states into the list of people in the document.
import { describe, expect, it } from 'vitest';
import { caretColour, type Participant, participantOf, participantsOf } from './presence';

const me: Participant = {
  id: 'me',
  name: 'Bologna focal point',
  city: 'Bologna',
  citySlug: 'bologna',
  color: '#1c7ed6',
};
const kanazawa = {
  user: {
    id: 'k',
    name: 'Kanazawa focal point',
    city: 'Kanazawa',
    citySlug: 'kanazawa',
    color: '#e8590c',
  },
  cursor: null,
};

describe('participantOf', () => {
  it('reads the user the server set', () => {
    expect(participantOf(kanazawa)).toEqual(kanazawa.user);
  });

  it('ignores states without a usable user', () => {
    expect(participantOf(null)).toBeNull();
    expect(participantOf({ cursor: {} })).toBeNull();
    expect(participantOf({ user: { name: 'No id' } })).toBeNull();
  });

  it('fills in what is missing', () => {
    expect(participantOf({ user: { id: 'x', name: 'X' } })).toEqual({
      id: 'x',
      name: 'X',
      city: null,
      citySlug: null,
      color: '#868e96',
    });
  });
});

describe('participantsOf', () => {
  it('lists each person once, the current user first', () => {
    const states = new Map<number, unknown>([
      [1, { user: { id: 'me', name: 'Bologna focal point' } }],
      [2, kanazawa],
      [3, kanazawa],
      [4, { user: { id: 'd', name: 'Dakar focal point', city: 'Dakar' } }],
      [5, {}],
    ]);
    expect(participantsOf(states, me).map((p) => p.id)).toEqual(['me', 'd', 'k']);
  });

  it('lists the current user alone before anyone joins', () => {
    expect(participantsOf(new Map(), me)).toEqual([me]);
  });
});

describe('caretColour', () => {
  it('gives a user always the same colour from the palette', () => {
    expect(caretColour('user-1')).toBe(caretColour('user-1'));
    expect(caretColour('user-1')).toMatch(/^#[0-9a-f]{6}$/);
  });
});

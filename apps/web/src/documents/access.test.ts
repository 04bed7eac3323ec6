// Access-list edits and the rule for who may create documents.
import { describe, expect, it } from 'vitest';
import type { Me } from '../api/types';
import { canCreateDocuments, sameAccess, withAccess, withCities } from './access';

const focalPoint = {
  user: { id: 'u1', name: 'Bologna focal point', email: 'b@x', role: 'focal_point' },
  city: { slug: 'bologna' },
} as Me;
const secretariat = {
  user: { id: 'u2', name: 'UNESCO Secretariat', email: 's@x', role: 'secretariat' },
  city: null,
} as Me;

describe('canCreateDocuments', () => {
  it('lets people of a city create, not the Secretariat nor a visitor', () => {
    expect(canCreateDocuments(focalPoint)).toBe(true);
    expect(canCreateDocuments(secretariat)).toBe(false);
    expect(canCreateDocuments(null)).toBe(false);
  });
});

describe('withCities', () => {
  it('keeps the access of cities kept and gives new ones the default', () => {
    const list = [{ slug: 'dakar', access: 'read' as const }];
    expect(withCities(list, ['kanazawa', 'dakar'])).toEqual([
      { slug: 'kanazawa', access: 'write' },
      { slug: 'dakar', access: 'read' },
    ]);
    expect(withCities(list, ['popayan'], 'read')).toEqual([{ slug: 'popayan', access: 'read' }]);
    expect(withCities(list, [])).toEqual([]);
  });

  it('lists a city once', () => {
    expect(withCities([], ['dakar', 'dakar'])).toHaveLength(1);
  });
});

describe('withAccess and sameAccess', () => {
  const list = [
    { slug: 'dakar', access: 'write' as const },
    { slug: 'kanazawa', access: 'write' as const },
  ];

  it('changes one city only', () => {
    expect(withAccess(list, 'dakar', 'read')).toEqual([
      { slug: 'dakar', access: 'read' },
      { slug: 'kanazawa', access: 'write' },
    ]);
  });

  it('compares lists whatever their order', () => {
    expect(sameAccess(list, [...list].reverse())).toBe(true);
    expect(sameAccess(list, withAccess(list, 'dakar', 'read'))).toBe(false);
    expect(sameAccess(list, list.slice(1))).toBe(false);
  });
});

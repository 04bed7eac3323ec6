import { describe, expect, it } from 'vitest';
import { canManageDocument, type DocumentAccessFacts, documentAccessFor } from './access';

const facts = (overrides: Partial<DocumentAccessFacts> = {}): DocumentAccessFacts => ({
  ownerCityId: 1,
  archived: false,
  cities: new Map([
    [2, 'write'],
    [3, 'read'],
  ]),
  ...overrides,
});

describe('documentAccessFor', () => {
  it('lets the owner city write and listed cities write or read', () => {
    expect(documentAccessFor({ role: 'member', cityId: 1 }, facts())).toBe('write');
    expect(documentAccessFor({ role: 'member', cityId: 2 }, facts())).toBe('write');
    expect(documentAccessFor({ role: 'focal_point', cityId: 3 }, facts())).toBe('read');
    expect(documentAccessFor({ role: 'focal_point', cityId: 4 }, facts())).toBeNull();
  });
  it('lets the Secretariat read every document', () => {
    expect(documentAccessFor({ role: 'secretariat', cityId: null }, facts())).toBe('read');
  });
  it('makes an archived document read-only', () => {
    expect(documentAccessFor({ role: 'member', cityId: 1 }, facts({ archived: true }))).toBe(
      'read',
    );
  });
});

describe('canManageDocument', () => {
  it('is the owner city and the Secretariat', () => {
    expect(canManageDocument({ role: 'member', cityId: 1 }, facts())).toBe(true);
    expect(canManageDocument({ role: 'member', cityId: 2 }, facts())).toBe(false);
    expect(canManageDocument({ role: 'secretariat', cityId: null }, facts())).toBe(true);
  });
});

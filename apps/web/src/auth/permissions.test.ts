// Who may manage members, and where sign-in may send the user back to.
import { describe, expect, it } from 'vitest';
import type { City, Me, UserRole } from '../api/types';
import { canManageMembers, safeNextPath } from './permissions';

const bologna: City = {
  id: 1,
  slug: 'bologna',
  name: 'Bologna',
  country: 'Italy',
  iso2: 'IT',
  region: 'Europe and North America',
  regionSlug: 'europe-north-america',
  field: 'Music',
  fieldSlug: 'music',
  year: 2006,
  lat: 44.49,
  lon: 11.34,
};
const me = (role: UserRole, city: City | null): Me => ({
  user: { id: 'u1', name: 'Ada', email: 'ada@example.org', role },
  city,
});

describe('canManageMembers', () => {
  it('lets the Secretariat manage any city', () => {
    expect(canManageMembers(me('secretariat', null), 'kanazawa')).toBe(true);
  });

  it("lets a focal point manage only their own city's members", () => {
    expect(canManageMembers(me('focal_point', bologna))).toBe(true);
    expect(canManageMembers(me('focal_point', bologna), 'bologna')).toBe(true);
    expect(canManageMembers(me('focal_point', bologna), 'kanazawa')).toBe(false);
  });

  it('does not let members or signed-out visitors manage anyone', () => {
    expect(canManageMembers(me('member', bologna), 'bologna')).toBe(false);
    expect(canManageMembers(null)).toBe(false);
  });
});

describe('safeNextPath', () => {
  it('keeps paths on this site', () => {
    expect(safeNextPath('/cities/bologna?tab=1')).toBe('/cities/bologna?tab=1');
  });

  it('refuses other sites and falls back to the directory', () => {
    for (const next of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example']) {
      expect(safeNextPath(next)).toBe('/cities');
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../http/context';
import { canInvite, canSeeMemberEmails } from './access';

const secretariat: SessionUser = {
  id: 's',
  name: 'S',
  email: 's@x',
  role: 'secretariat',
  cityId: null,
};
const focal: SessionUser = { id: 'f', name: 'F', email: 'f@x', role: 'focal_point', cityId: 1 };
const member: SessionUser = { id: 'm', name: 'M', email: 'm@x', role: 'member', cityId: 1 };

describe('canInvite', () => {
  it('lets the Secretariat invite into any city and create Secretariat accounts', () => {
    expect(canInvite(secretariat, { role: 'focal_point', cityId: 9 })).toBe(true);
    expect(canInvite(secretariat, { role: 'secretariat', cityId: null })).toBe(true);
  });
  it('lets a focal point invite only into their own city, never the Secretariat', () => {
    expect(canInvite(focal, { role: 'member', cityId: 1 })).toBe(true);
    expect(canInvite(focal, { role: 'focal_point', cityId: 1 })).toBe(true);
    expect(canInvite(focal, { role: 'member', cityId: 2 })).toBe(false);
    expect(canInvite(focal, { role: 'secretariat', cityId: null })).toBe(false);
  });
  it('lets a member invite no one', () => {
    expect(canInvite(member, { role: 'member', cityId: 1 })).toBe(false);
  });
});

describe('canSeeMemberEmails', () => {
  it('is the Secretariat everywhere and a user in their own city', () => {
    expect(canSeeMemberEmails(secretariat, 5)).toBe(true);
    expect(canSeeMemberEmails(member, 1)).toBe(true);
    expect(canSeeMemberEmails(member, 2)).toBe(false);
  });
});

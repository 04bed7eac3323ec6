import { describe, expect, it } from 'vitest';
import { canModerate, canReply, channelPermissions } from './access';

const member = { role: 'member' as const, cityId: 1 };
const secretariat = { role: 'secretariat' as const, cityId: null };

describe('channel permissions', () => {
  it('opens field channels to every member', () => {
    expect(channelPermissions(member, 'field', null)).toEqual({ read: true, post: true });
  });

  it('lets only the Secretariat post announcements, and everyone read them', () => {
    expect(channelPermissions(member, 'announcements', null)).toEqual({ read: true, post: false });
    expect(channelPermissions(secretariat, 'announcements', null)).toEqual({
      read: true,
      post: true,
    });
  });

  it("gives a document's channel to its cities and the Secretariat", () => {
    expect(channelPermissions(member, 'document', null)).toEqual({ read: false, post: false });
    expect(channelPermissions(member, 'document', 'read')).toEqual({ read: true, post: true });
    expect(channelPermissions(secretariat, 'document', null)).toEqual({ read: true, post: true });
  });

  it('leaves moderation and locked topics to the Secretariat', () => {
    expect(canModerate(member)).toBe(false);
    expect(canModerate(secretariat)).toBe(true);
    expect(canReply(member, { locked: true })).toBe(false);
    expect(canReply(member, { locked: false })).toBe(true);
    expect(canReply(secretariat, { locked: true })).toBe(true);
  });
});

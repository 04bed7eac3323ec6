// Who may do what with accounts and cities: plain functions, one rule each, used by every transport.
import type { UserRole } from '@uccn/db';
import type { SessionUser } from '../http/context';

export const isSecretariat = (user: SessionUser) => user.role === 'secretariat';

/** The Secretariat sees every city's members; anyone else, the members of their own city. */
export function canSeeMemberEmails(user: SessionUser, cityId: number) {
  return isSecretariat(user) || user.cityId === cityId;
}

/**
 * The Secretariat invites anyone anywhere; a focal point invites members and focal points of
 * their own city; a member invites no one.
 */
export function canInvite(user: SessionUser, target: { role: UserRole; cityId: number | null }) {
  if (isSecretariat(user)) return true;
  if (user.role !== 'focal_point') return false;
  return target.role !== 'secretariat' && target.cityId !== null && target.cityId === user.cityId;
}

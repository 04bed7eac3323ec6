// What the signed-in user may do in the web app (the server checks the same rules again).
import type { Me } from '../api/types';

/** Focal points manage their own city's members; the Secretariat manages every city's. */
export function canManageMembers(me: Me | null | undefined, citySlug?: string): boolean {
  if (!me) return false;
  if (me.user.role === 'secretariat') return true;
  if (me.user.role !== 'focal_point' || !me.city) return false;
  return citySlug === undefined || me.city.slug === citySlug;
}

/** A path to return to after signing in, only if it stays on this site. */
export function safeNextPath(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return '/cities';
  }
  return next;
}

/** The Secretariat moderates discussions: hides messages, locks topics, mutes people. */
export function canModerate(me: Me | null | undefined): boolean {
  return me?.user.role === 'secretariat';
}

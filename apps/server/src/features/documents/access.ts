// Who may read, write and manage a shared document: plain rules, used by the HTTP API, at the
// WebSocket upgrade, and when open connections are checked again.
import type { DocumentAccessLevel } from '@uccn/db';
import type { SessionUser } from '../../http/context';

export interface DocumentAccessFacts {
  ownerCityId: number | null;
  archived: boolean;
  /** Read-only for everyone while its proposal is out of the cities' hands (submitted, decided). */
  locked?: boolean;
  /** The document's access list: city id → access. */
  cities: Map<number, DocumentAccessLevel>;
}

/**
 * What the user may do with the document: the owner city writes, listed cities write or read,
 * the Secretariat reads everything. An archived or locked document is read-only for everyone.
 */
export function documentAccessFor(
  user: Pick<SessionUser, 'role' | 'cityId'>,
  facts: DocumentAccessFacts,
): DocumentAccessLevel | null {
  let access: DocumentAccessLevel | null = null;
  if (user.cityId !== null) {
    if (user.cityId === facts.ownerCityId) access = 'write';
    else access = facts.cities.get(user.cityId) ?? null;
  }
  if (access === null && user.role === 'secretariat') access = 'read';
  if (access === 'write' && (facts.archived || facts.locked)) access = 'read';
  return access;
}

/** Renaming, archiving and sharing: the owner city's people, and the Secretariat. */
export function canManageDocument(
  user: Pick<SessionUser, 'role' | 'cityId'>,
  facts: DocumentAccessFacts,
) {
  return user.role === 'secretariat' || (user.cityId !== null && user.cityId === facts.ownerCityId);
}

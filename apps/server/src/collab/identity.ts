// How a user appears to others in a document: name, city and a caret colour, all set by the server.
import type { ConnectionIdentity } from '@uccn/collab';
import type { SessionUser } from '../http/context';

/** Caret colours with enough contrast on white; a user always gets the same one. */
const CARET_COLOURS = [
  '#1c7ed6',
  '#e8590c',
  '#2f9e44',
  '#c2255c',
  '#6741d9',
  '#0c8599',
  '#e67700',
  '#5c940d',
  '#a61e4d',
  '#1864ab',
  '#d6336c',
  '#087f5b',
] as const;

export function caretColour(userId: string) {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return CARET_COLOURS[hash % CARET_COLOURS.length] ?? CARET_COLOURS[0];
}

export function identityOf(
  user: SessionUser,
  city: { name: string; slug: string } | null,
): ConnectionIdentity {
  return {
    userId: user.id,
    name: user.name,
    cityName: city?.name ?? (user.role === 'secretariat' ? 'UNESCO Secretariat' : null),
    citySlug: city?.slug ?? null,
    color: caretColour(user.id),
  };
}

// How a user appears to others in a document: name, city and a caret colour, all set by the server.
import type { ConnectionIdentity } from '@uccn/collab';
import { caretColour } from '@uccn/protocol';
import type { SessionUser } from '../http/context';

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

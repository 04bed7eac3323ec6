// Who may read and post in a channel, and who moderates: plain rules, used by the socket.io
// handlers and the HTTP API alike.
import type { DocumentAccessLevel } from '@uccn/db';
import type { ChannelKind } from '@uccn/protocol';
import type { SessionUser } from '../../http/context';

export interface ChannelPermissions {
  read: boolean;
  post: boolean;
}

type Who = Pick<SessionUser, 'role' | 'cityId'>;

/**
 * Field channels are open to every member city (cooperation across fields is the point);
 * announcements are read by all and written by the Secretariat; a document's channel belongs to
 * the cities that may open the document, and the Secretariat.
 */
export function channelPermissions(
  user: Who,
  kind: ChannelKind,
  documentAccess: DocumentAccessLevel | null,
): ChannelPermissions {
  const secretariat = user.role === 'secretariat';
  switch (kind) {
    case 'field':
      return { read: true, post: true };
    case 'announcements':
      return { read: true, post: secretariat };
    case 'document': {
      const read = secretariat || documentAccess !== null;
      return { read, post: read };
    }
  }
}

/** Hiding messages, locking topics and muting people: the Secretariat. */
export function canModerate(user: Who) {
  return user.role === 'secretariat';
}

/** A locked topic takes replies from moderators only. */
export function canReply(user: Who, topic: { locked: boolean }) {
  return !topic.locked || canModerate(user);
}

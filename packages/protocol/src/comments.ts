// Comments on a document's text: the shapes the HTTP API returns and the live socket.io events
// that keep an open document's comments current. Shared by server and web.
import type { AckCallback, Author } from './threads';

/** Longest comment or reply, in characters (UTF-16 code units). */
export const MAX_COMMENT_LENGTH = 5_000;
/** Longest quote (the selected text kept for display), in characters. */
export const MAX_COMMENT_QUOTE_LENGTH = 500;
/** Largest anchor, as JSON text, in characters. Two relative positions take about 200. */
export const MAX_COMMENT_ANCHOR_LENGTH = 2_048;

/**
 * One end of a range, as `Y.relativePositionToJSON` writes it: the item it sticks to (or the
 * type, for the end of a type) and which side it sticks to.
 */
export interface RelativePositionJson {
  type?: { client: number; clock: number };
  tname?: string;
  item?: { client: number; clock: number };
  assoc?: number;
}

/** Where a thread sits: its range as two Yjs relative positions, which follow every edit. */
export interface CommentAnchor {
  start: RelativePositionJson;
  end: RelativePositionJson;
}

/** A comment as everyone sees it: a thread's first comment or a reply. */
export interface DocumentComment {
  id: string;
  author: Author | null;
  /** As written; render as text. Empty when deleted. */
  body: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
}

/** A thread: its first comment with the anchor, quote and resolution, and its replies. */
export interface CommentThread extends DocumentComment {
  documentId: string;
  anchor: CommentAnchor;
  /** The text that was selected, for display when the range is gone. */
  quote: string;
  resolved: { at: string; by: Author | null } | null;
  /** Oldest first; deleted replies stay (empty), so the conversation keeps its shape. */
  replies: DocumentComment[];
}

/** Client → server. */
export interface CommentClientEvents {
  /** Receive `comment:changed` for a document's comments; needs read access to it. */
  'comments:watch': (payload: { documentId: string }, ack: AckCallback<null>) => void;
  'comments:unwatch': (payload: { documentId: string }, ack: AckCallback<null>) => void;
}

/** Server → client. */
export interface CommentServerEvents {
  /**
   * A thread was created, replied to, resolved, reopened, or one of its comments edited or
   * deleted: here is the whole thread as it is now. Replace the copy you hold by `comment.id`.
   */
  'comment:changed': (payload: { comment: CommentThread }) => void;
}

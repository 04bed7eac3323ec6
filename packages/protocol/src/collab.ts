// The collaboration wire: the y-websocket protocol (sync, awareness, query-awareness) plus one
// message of our own, the saved acknowledgement, which a client receives only if it asks for it.
// Pure encode/decode of numeric constants; no I/O.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Bump when a change breaks older clients; sent by the client as `?v=`. */
export const COLLAB_PROTOCOL_VERSION = 1;

/** The endpoint: `/collab/<documentId>`. */
export const COLLAB_PATH_PREFIX = '/collab/';

/** First varuint of every binary frame. 0–3 are y-websocket's; 100 is ours. */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  /** Server → client: the edits of this connection up to this state vector are committed. */
  Saved: 100,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Second varuint of a Sync frame (y-protocols/sync). */
export const SyncStep = { Step1: 0, Step2: 1, Update: 2 } as const;

/** Query parameters of the collab URL. */
export const CollabQuery = {
  /** A short-lived token from `POST /api/documents/:id/token`, for clients without the cookie. */
  token: 'token',
  /** `1` asks for saved acknowledgements (message type 100). Stock clients leave it out. */
  acks: 'acks',
} as const;

/**
 * WebSocket close codes the server uses. 1000–1015 are the standard ones it may also send
 * (1009: frame too large). Clients reconnect after any code except the ones marked final.
 */
export const CloseCode = {
  /** A frame that is not a valid message: text, empty, truncated, unknown type. Final. */
  MalformedMessage: 4400,
  /** The session or token expired while connected. Final until the user signs in again. */
  Unauthorized: 4401,
  /** Access to the document was revoked or lowered; reconnecting gets the new access. */
  AccessChanged: 4403,
  /** The document was archived or deleted while connected. Final. */
  DocumentGone: 4404,
  /** An update would take the document past its maximum size. Final for that edit. */
  DocumentTooLarge: 4413,
  /** Too many messages (awareness flood, or too many queued while the document loads). */
  RateLimited: 4429,
  /** The client stopped reading: its outgoing buffer passed the limit. */
  SlowConsumer: 4408,
  /** The document could not be loaded or saved; nothing was written. Retry later. */
  InternalError: 4500,
  /** The node is shutting down; reconnect (to another node). */
  ServerShuttingDown: 4503,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** The reason string sent with each close code (at most 123 bytes by the WebSocket spec). */
export const CloseReason: Record<CloseCode, string> = {
  [CloseCode.MalformedMessage]: 'malformed_message',
  [CloseCode.Unauthorized]: 'unauthorized',
  [CloseCode.AccessChanged]: 'access_changed',
  [CloseCode.DocumentGone]: 'document_gone',
  [CloseCode.DocumentTooLarge]: 'document_too_large',
  [CloseCode.RateLimited]: 'rate_limited',
  [CloseCode.SlowConsumer]: 'slow_consumer',
  [CloseCode.InternalError]: 'internal_error',
  [CloseCode.ServerShuttingDown]: 'server_shutting_down',
};

/** Encodes a saved acknowledgement: the state vector of this connection's committed edits. */
export function encodeSavedMessage(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Saved);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Decodes a saved acknowledgement's state vector; throws on anything else. */
export function decodeSavedMessage(message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== MessageType.Saved) throw new Error('not a saved message');
  return decoding.readVarUint8Array(decoder);
}

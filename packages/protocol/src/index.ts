// Public face of @uccn/protocol: wire constants shared by the server and the web client.
export {
  CloseCode,
  CloseReason,
  COLLAB_PATH_PREFIX,
  COLLAB_PROTOCOL_VERSION,
  CollabQuery,
  decodeSavedMessage,
  encodeSavedMessage,
  MessageType,
  SyncStep,
} from './collab';
export type {
  CommentAnchor,
  CommentClientEvents,
  CommentServerEvents,
  CommentThread,
  DocumentComment,
  RelativePositionJson,
} from './comments';
export {
  MAX_COMMENT_ANCHOR_LENGTH,
  MAX_COMMENT_LENGTH,
  MAX_COMMENT_QUOTE_LENGTH,
} from './comments';
export { CARET_COLOURS, caretColour } from './identity';
export type {
  Ack,
  AckCallback,
  Author,
  ChannelChanges,
  ChannelKind,
  ChannelSummary,
  Mention,
  Notification,
  NotificationKind,
  OnlineMember,
  Reaction,
  ReactionCount,
  ThreadClientEvents,
  ThreadError,
  ThreadMessage,
  ThreadServerEvents,
  Topic,
  TopicSummary,
} from './threads';
export {
  MAX_IDEMPOTENCY_KEY_LENGTH,
  MAX_MESSAGE_LENGTH,
  MAX_TOPIC_TITLE_LENGTH,
  NOTIFICATION_KINDS,
  REACTIONS,
  THREADS_MAX_FRAME_BYTES,
  ThreadErrorCode,
} from './threads';

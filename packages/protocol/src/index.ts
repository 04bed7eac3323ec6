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
export { CARET_COLOURS, caretColour } from './identity';

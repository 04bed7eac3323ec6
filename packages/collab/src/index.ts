// Public face of @uccn/collab: document rooms over a minimal socket, with durable saves.

export { publicIdentity } from './awareness-guard';
export { Connection, type ConnectionOptions } from './connection';
export { RoomRegistry, type RoomRegistryOptions } from './registry';
export { DOCUMENT_ROOTS, type RootKind, restoreContent } from './restore';
export { DocumentRoom, type RoomOptions, type RoomStatus } from './room';
export { MemoryUpdateStore } from './stores/memory-store';
export {
  type CollabSocket,
  type ConnectionIdentity,
  DEFAULT_LIMITS,
  type DocumentAccess,
  type RoomLimits,
  type RoomLogger,
  type StoredDocument,
  type UpdateRow,
  type UpdateStore,
} from './types';
export { UpdateLog, type UpdateLogOptions } from './update-log';

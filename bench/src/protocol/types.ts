// The per-server "dialect": how a simulated client frames y-sync messages for one server.

/** What a client needs to know about a frame the server sent. */
export type ServerFrame =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2' }
  | { kind: 'update' }
  | { kind: 'auth-ok' }
  | { kind: 'denied'; reason: string }
  /** Ours only: the edits of this connection up to this state vector are durable. */
  | { kind: 'saved'; stateVector: Uint8Array }
  /** Awareness, acks and anything else a load client can ignore. */
  | { kind: 'other'; type: number };

export interface Dialect {
  readonly name: string;
  /** Frames a client sends as soon as its socket opens (auth, then sync step 1). */
  openingFrames(room: string, stateVector: Uint8Array): Uint8Array[];
  /** The client's answer to the server's sync step 1. */
  syncStep2Frame(room: string, update: Uint8Array): Uint8Array;
  /** A document update the client made. */
  updateFrame(room: string, update: Uint8Array): Uint8Array;
  /** Reads the header of a frame from the server (never the update inside). */
  readFrame(frame: Uint8Array): ServerFrame;
}

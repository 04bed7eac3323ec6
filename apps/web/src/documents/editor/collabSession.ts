// One live editing session: a Y.Doc kept in IndexedDB and synced over the collab WebSocket with
// saved acknowledgements. Reports what happens through callbacks; knows nothing of React.
import { MessageType } from '@uccn/protocol';
import * as decoding from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { announce, forgetPeers } from './awarenessClocks';
import { closeOutcome } from './closeCodes';
import { ackedClock, type ConnectionEvent, localClock } from './saveState';

/** What this client publishes in awareness; the server replaces it with the full identity. */
export interface LocalUser {
  id: string;
  name: string;
  color: string;
}

export interface SessionEvents {
  connection: (event: ConnectionEvent) => void;
  /** The server closed the socket with this code (not called for our own closes). */
  serverClose: (code: number) => void;
  /** The server closed for good: the provider will not reconnect by itself. */
  stopped: (code: number) => void;
  /** This client's clocks: its own edits, and how many of them the server has committed. */
  clocks: (clocks: { local: number; acked: number }) => void;
  /** Someone's awareness state changed (joined, left, moved their caret). */
  awareness: (states: ReadonlyMap<number, unknown>) => void;
}

export interface CollabSession {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Connects again after the server stopped the session. */
  reconnect: () => void;
  destroy: () => void;
}

/** The collab endpoint on this origin: `ws(s)://host/collab`, the provider appends the id. */
export function collabServerUrl(origin: string): string {
  return `${origin.replace(/^http/, 'ws')}/collab`;
}

/** Opens the session; call `destroy` when the page closes. */
export function openCollabSession(
  documentId: string,
  user: LocalUser,
  events: SessionEvents,
): CollabSession {
  const doc = new Y.Doc();
  // Edits are kept on this device first, so they survive a lost connection or a closed tab.
  const persistence = new IndexeddbPersistence(`uccn-doc-${documentId}`, doc);
  const provider = new WebsocketProvider(collabServerUrl(window.location.origin), documentId, doc, {
    params: { acks: '1' },
    shouldReconnect: (event) => closeOutcome(event.code).reconnect,
  });

  let acked = 0;
  const reportClocks = () => events.clocks({ local: localClock(doc), acked });
  provider.messageHandlers[MessageType.Saved] = (_encoder, decoder) => {
    acked = ackedClock(acked, decoding.readVarUint8Array(decoder), doc.clientID);
    reportClocks();
  };
  doc.on('update', reportClocks);

  const awareness = provider.awareness;
  provider.on('status', ({ status }) => {
    // Without these, people who reconnect stay invisible to each other for up to 15 s.
    if (status === 'connected') announce(awareness);
    if (status === 'disconnected') forgetPeers(awareness);
    events.connection(status);
  });
  provider.on('connection-close', (event) => {
    events.connection('close');
    if (event) events.serverClose(event.code);
  });
  provider.on('closed', ({ code }) => events.stopped(code));

  const reportAwareness = () => events.awareness(awareness.getStates());
  awareness.on('change', reportAwareness);
  awareness.setLocalStateField('user', user);

  return {
    doc,
    provider,
    reconnect: () => provider.connect(),
    destroy: () => {
      awareness.off('change', reportAwareness);
      doc.off('update', reportClocks);
      provider.destroy();
      void persistence.destroy();
      doc.destroy();
    },
  };
}

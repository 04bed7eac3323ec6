// The editor page's live session as React state: the document, its save state, who is here.
import { useEffect, useReducer, useRef, useState } from 'react';
import { type CollabProblem, closeOutcome } from './closeCodes';
import { type CollabSession, openCollabSession } from './collabSession';
import { type Participant, participantsOf } from './presence';
import { nextConnection, type SaveState, saveStateOf } from './saveState';

export interface CollabState {
  /** Null until the session is open (and between documents). */
  session: CollabSession | null;
  saveState: SaveState;
  /** Why live editing stopped, if it did; `retry` tries again. */
  problem: CollabProblem | null;
  participants: Participant[];
  retry: () => void;
}

const sameParticipants = (a: Participant[], b: Participant[]) =>
  a.length === b.length &&
  a.every((p, i) => p.id === b[i]?.id && p.color === b[i]?.color && p.city === b[i]?.city);

/**
 * Opens the live session of a document for `me` (whose `color` should be the server's).
 * `onAccessChanged` runs when the server says our access changed, to read it again.
 */
export function useCollabSession(
  documentId: string,
  me: Participant,
  onAccessChanged: () => void,
): CollabState {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [connection, dispatch] = useReducer(nextConnection, 'connecting');
  const [clocks, setClocks] = useState({ local: 0, acked: 0 });
  const [problem, setProblem] = useState<CollabProblem | null>(null);
  const [participants, setParticipants] = useState<Participant[]>([me]);
  // A change of access opens a new session: a new Y.Doc, so a new awareness id. Reconnecting
  // the old one left this person invisible to the others (their caret and avatar never came
  // back) while the server still remembered the id of the closed connection.
  const [generation, renew] = useReducer((n: number) => n + 1, 0);
  const latest = useRef({ me, onAccessChanged });
  useEffect(() => {
    latest.current = { me, onAccessChanged };
  });

  const { id, name, color } = me;
  // biome-ignore lint/correctness/useExhaustiveDependencies: each generation is a new session.
  useEffect(() => {
    const opened = openCollabSession(
      documentId,
      { id, name, color },
      {
        connection: dispatch,
        serverClose: (code) => {
          if (!closeOutcome(code).refreshAccess) return;
          latest.current.onAccessChanged();
          renew();
        },
        stopped: (code) => setProblem(closeOutcome(code).problem),
        clocks: setClocks,
        awareness: (states) => {
          const next = participantsOf(states, latest.current.me);
          setParticipants((previous) => (sameParticipants(previous, next) ? previous : next));
        },
      },
    );
    setSession(opened);
    return () => {
      opened.destroy();
      setSession(null);
      setClocks({ local: 0, acked: 0 });
      setProblem(null);
    };
  }, [documentId, id, name, color, generation]);

  return {
    session,
    saveState: saveStateOf({ connection, ...clocks }),
    problem,
    participants,
    retry: () => {
      setProblem(null);
      session?.reconnect();
    },
  };
}

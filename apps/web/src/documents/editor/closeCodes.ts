// What the editor does when the server closes the collaboration socket, by close code.
import { CloseCode } from '@uccn/protocol';

/** A problem that stops live editing until the user acts; each has a message. */
export type CollabProblem = 'unauthorized' | 'gone' | 'tooLarge' | 'malformed';

export interface CloseOutcome {
  /** Whether the provider should connect again by itself. */
  reconnect: boolean;
  /** What to tell the user when it does not. */
  problem: CollabProblem | null;
  /** Access changed: read the document's metadata again (read-only now, or refused). */
  refreshAccess: boolean;
}

const FINAL: Partial<Record<number, CollabProblem>> = {
  [CloseCode.MalformedMessage]: 'malformed',
  [CloseCode.Unauthorized]: 'unauthorized',
  [CloseCode.DocumentGone]: 'gone',
  [CloseCode.DocumentTooLarge]: 'tooLarge',
};

/**
 * The outcome of a close code. Unlike y-websocket's default (no retry for any 44xx), access
 * changes reconnect, as do the server's transient codes and dropped networks.
 *
 * @example closeOutcome(4403) // { reconnect: true, problem: null, refreshAccess: true }
 */
export function closeOutcome(code: number): CloseOutcome {
  const problem = FINAL[code] ?? null;
  return {
    reconnect: problem === null,
    problem,
    refreshAccess: code === CloseCode.AccessChanged,
  };
}

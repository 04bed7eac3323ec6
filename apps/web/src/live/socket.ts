// The app's socket.io connection to the threads server, typed with the shared events, and a
// request helper that turns an acknowledgement into a value or a typed error.
import type { Ack, ThreadClientEvents, ThreadServerEvents } from '@uccn/protocol';
import { io, type Socket } from 'socket.io-client';

export type ThreadSocket = Socket<ThreadServerEvents, ThreadClientEvents>;

/** How long to wait for an acknowledgement before reporting a timeout. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** Codes the client adds to the server's `ThreadErrorCode`s. */
export const LiveErrorCode = {
  /** No acknowledgement came in time (the connection may have dropped). */
  Timeout: 'timeout',
  /** The socket is not connected; nothing was sent. */
  Offline: 'offline',
} as const;

/** A refused or unanswered socket request, with the server's stable code. */
export class LiveRequestError extends Error {
  readonly code: string;
  /** Seconds to wait before trying again, when the server said. */
  readonly retryAfter: number | undefined;

  constructor(code: string, message: string, retryAfter?: number) {
    super(message);
    this.name = 'LiveRequestError';
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

/** Same origin, cookie auth; websocket only, as the server expects. */
export function connectThreadSocket(): ThreadSocket {
  return io({ path: '/socket.io/', withCredentials: true, transports: ['websocket'] });
}

type AckedEvent = Exclude<keyof ThreadClientEvents, 'typing'>;
type PayloadOf<E extends AckedEvent> = Parameters<ThreadClientEvents[E]>[0];
type DataOf<E extends AckedEvent> =
  Parameters<Parameters<ThreadClientEvents[E]>[1]>[0] extends Ack<infer T> ? T : never;

/**
 * Sends an event and resolves with the acknowledgement's data. Refuses at once when
 * disconnected: socket.io would buffer the event and send it late, after the caller gave up.
 *
 * @example const { channel, online } = await request(socket, 'channel:join', { channelId })
 */
export async function request<E extends AckedEvent>(
  socket: ThreadSocket,
  event: E,
  payload: PayloadOf<E>,
): Promise<DataOf<E>> {
  if (!socket.connected) throw new LiveRequestError(LiveErrorCode.Offline, 'Not connected');
  const timed = socket.timeout(REQUEST_TIMEOUT_MS);
  // socket.io's typings cannot resolve a generic event name to its signature: we state it.
  const emit = timed.emitWithAck as unknown as (e: E, p: PayloadOf<E>) => Promise<Ack<DataOf<E>>>;
  let response: Ack<DataOf<E>>;
  try {
    response = await emit.call(timed, event, payload);
  } catch (error) {
    throw new LiveRequestError(LiveErrorCode.Timeout, String(error));
  }
  if (!response.ok) {
    const { code, message, retryAfter } = response.error;
    throw new LiveRequestError(code, message, retryAfter);
  }
  return response.data;
}

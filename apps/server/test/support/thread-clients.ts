// socket.io-client helpers for the threads tests: a typed client signed in by cookie, calls that
// wait for their acknowledgement, and waiting for a pushed event.
import type { Ack, ThreadClientEvents, ThreadServerEvents } from '@uccn/protocol';
import { io, type Socket } from 'socket.io-client';

export type ThreadClient = Socket<ThreadServerEvents, ThreadClientEvents>;

/** A connected client of `baseUrl` with this session cookie. */
export async function connectThreads(baseUrl: string, cookie: string): Promise<ThreadClient> {
  const socket: ThreadClient = io(baseUrl, {
    path: '/socket.io/',
    transports: ['websocket'],
    extraHeaders: { cookie },
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return socket;
}

type AckData<E extends keyof ThreadClientEvents> =
  Parameters<ThreadClientEvents[E]> extends [unknown, (response: Ack<infer T>) => void] ? T : never;

/** Emits an event and resolves with its acknowledgement (ok or not). */
export function call<E extends Exclude<keyof ThreadClientEvents, 'typing'>>(
  socket: ThreadClient,
  event: E,
  payload: Parameters<ThreadClientEvents[E]>[0],
  timeoutMs = 10_000,
): Promise<Ack<AckData<E>>> {
  return (
    socket.timeout(timeoutMs) as unknown as {
      emitWithAck(event: string, payload: unknown): Promise<Ack<AckData<E>>>;
    }
  ).emitWithAck(event, payload);
}

/** Like `call`, but throws unless the acknowledgement is ok, and returns its data. */
export async function ok<E extends Exclude<keyof ThreadClientEvents, 'typing'>>(
  socket: ThreadClient,
  event: E,
  payload: Parameters<ThreadClientEvents[E]>[0],
): Promise<AckData<E>> {
  const response = await call(socket, event, payload);
  if (!response.ok) throw new Error(`${event}: ${response.error.code} ${response.error.message}`);
  return response.data;
}

/** Resolves with the first `event` that satisfies `match`, or rejects after `timeoutMs`. */
export function nextEvent<E extends keyof ThreadServerEvents>(
  socket: ThreadClient,
  event: E,
  match: (payload: Parameters<ThreadServerEvents[E]>[0]) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<Parameters<ThreadServerEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const listener = ((payload: Parameters<ThreadServerEvents[E]>[0]) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(payload);
    }) as never;
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${String(event)} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on(event, listener);
  });
}

/** Records every `event` the socket receives, for checking gaps and duplicates later. */
export function record<E extends keyof ThreadServerEvents>(socket: ThreadClient, event: E) {
  const seen: Parameters<ThreadServerEvents[E]>[0][] = [];
  socket.on(event, ((payload: Parameters<ThreadServerEvents[E]>[0]) =>
    seen.push(payload)) as never);
  return seen;
}

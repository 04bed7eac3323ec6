// The shared HTTP server refuses WebSocket upgrades to unknown paths at once, and socket.io
// refuses a client without a session.
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from './support/test-server';

describe('WebSocket upgrades', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
  });
  afterAll(() => server?.stop());

  it('refuses an upgrade to an unknown path with an HTTP 404, without waiting', async () => {
    const started = Date.now();
    const status = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(`${server.url.replace('http', 'ws')}/nowhere`);
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('open', () => reject(new Error('opened')));
      socket.on('error', () => {});
    });
    expect(status).toBe(404);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('refuses a socket.io client that has no session', async () => {
    const client = io(server.url, { transports: ['websocket'], reconnection: false });
    const error = await new Promise<Error & { data?: { code: string } }>((resolve) =>
      client.on('connect_error', resolve),
    );
    client.close();
    expect(error.data?.code).toBe('unauthorized');
  });
});

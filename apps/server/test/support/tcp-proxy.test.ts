// The test TCP proxy: relays bytes, cuts and refuses on demand, restores, fails over.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TcpProxy } from './tcp-proxy';

/** A server that answers every chunk with `<name>:<chunk>`. */
async function echoServer(name: string) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (chunk) => socket.write(`${name}:${chunk.toString()}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Connects, sends `text`, and resolves with the first answer, or `closed` if the proxy hangs up. */
function roundTrip(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => {});
    socket.once('connect', () => socket.write(text));
    socket.once('data', (data) => {
      resolve(data.toString());
      socket.destroy();
    });
    socket.once('close', () => resolve('closed'));
  });
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

describe('TcpProxy', () => {
  it('relays, cuts open connections, refuses new ones, and restores', async () => {
    const echo = await echoServer('a');
    closers.push(echo.close);
    const proxy = await TcpProxy.start({ targets: [{ host: '127.0.0.1', port: echo.port }] });
    closers.push(() => proxy.close());

    expect(await roundTrip(proxy.port, 'hello')).toBe('a:hello');

    const open = net.connect(proxy.port, '127.0.0.1');
    open.on('error', () => {});
    await new Promise((resolve) => open.once('data', resolve).write('x'));
    const closed = new Promise((resolve) => open.once('close', resolve));
    proxy.cut();
    await closed;
    expect(await roundTrip(proxy.port, 'refused?')).toBe('closed');

    proxy.restore();
    expect(await roundTrip(proxy.port, 'again')).toBe('a:again');
  });

  it('fails over to the next target when the current one refuses', async () => {
    const first = await echoServer('first');
    const second = await echoServer('second');
    closers.push(second.close);
    const proxy = await TcpProxy.start({
      targets: [
        { host: '127.0.0.1', port: first.port },
        { host: '127.0.0.1', port: second.port },
      ],
    });
    closers.push(() => proxy.close());

    expect(await roundTrip(proxy.port, 'one')).toBe('first:one');
    await first.close();
    expect(await roundTrip(proxy.port, 'two')).toBe('second:two');
    // It stays on the target that answered.
    expect(await roundTrip(proxy.port, 'three')).toBe('second:three');
    expect(proxy.routed.map((target) => target.port)).toEqual([
      first.port,
      second.port,
      second.port,
    ]);
  });
});

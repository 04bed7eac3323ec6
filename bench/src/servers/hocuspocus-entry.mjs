// Hocuspocus child process: @hocuspocus/server with no extensions and no persistence.
// Plain JavaScript so it runs under bare `node` like the UCCN server (tsx would add ~35 MB of RSS).
// @ts-check
import { Server } from '@hocuspocus/server';

const server = new Server({
  port: Number(process.env.PORT),
  address: '127.0.0.1',
  quiet: true,
  // Idle benchmark clients send nothing for minutes; the 60 s default would drop them.
  timeout: 30 * 60_000,
});
await server.listen();
console.log(`hocuspocus listening on ${server.address.port}`);
// The harness keeps our stdin open; when it dies, so do we.
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();

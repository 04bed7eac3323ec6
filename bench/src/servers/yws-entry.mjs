// y-websocket-server child process: setupWSConnection on a ws server, room = URL path, no persistence.
// Plain JavaScript so it runs under bare `node` like the UCCN server (tsx would add ~35 MB of RSS).
// @ts-check
import http from 'node:http';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const port = Number(process.env.PORT);
const http_ = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('ok');
});
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (socket, request) => setupWSConnection(socket, request));
http_.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
http_.listen(port, '127.0.0.1', () => console.log(`yws listening on ${port}`));
// The harness keeps our stdin open; when it dies, so do we.
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
process.on('SIGTERM', () => process.exit(0));

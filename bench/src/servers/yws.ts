// Launcher for y-websocket-server (@y/websocket-server 0.1.1), room = URL path.
import { yWebsocketDialect } from '../protocol/y-websocket';
import type { ServerLauncher } from '../types';
import { startPeer } from './peer';

export const yws: ServerLauncher = {
  name: 'yws',
  start: () => startPeer('yws', 'yws-entry.mjs', yWebsocketDialect),
};

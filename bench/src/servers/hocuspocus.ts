// Launcher for Hocuspocus (@hocuspocus/server): the document is named in every message, not the URL.
import { hocuspocusDialect } from '../protocol/hocuspocus';
import type { ServerLauncher } from '../types';
import { startPeer } from './peer';

export const hocuspocus: ServerLauncher = {
  name: 'hocuspocus',
  start: () => startPeer('hocuspocus', 'hocuspocus-entry.mjs', hocuspocusDialect),
};

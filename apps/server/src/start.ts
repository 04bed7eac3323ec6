// Starts a whole UCCN Collab node from config: services, app, HTTP server. Used by main.ts and
// by integration tests, which start it on port 0.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config';
import { createApp } from './http/app';
import type { AppServices } from './http/context';
import { listen, type RunningServer } from './http/server';
import type { Logger } from './logger';
import { type PrepareOptions, prepareServices } from './startup/services';

/** apps/web/dist of this checkout, seen from src/ (tsx, vitest) or dist/ (the bundle). */
export const DEFAULT_WEB_DIST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'web',
  'dist',
);

export interface UccnServer extends RunningServer {
  services: AppServices;
}

export async function startUccnServer(
  config: Config,
  log: Logger,
  options: PrepareOptions = {},
): Promise<UccnServer> {
  const prepared = await prepareServices(config, log, options);
  try {
    const app = createApp(prepared.services, {
      demo: prepared.demo,
      webDist: config.webDist ?? DEFAULT_WEB_DIST,
    });
    const running = await listen(app, prepared.services);
    return {
      ...running,
      services: prepared.services,
      close: async () => {
        // Rooms first: their final saves need the database, and their clients a close code.
        await prepared.services.collab.close();
        await running.close();
        await prepared.close();
      },
    };
  } catch (error) {
    await prepared.close();
    throw error;
  }
}

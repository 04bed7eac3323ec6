// One pino root logger per process; modules take a child named after themselves.
import pino, { type Logger } from 'pino';
import type { Config } from './config';

export type { Logger } from 'pino';

export function createLogger(options: Config['log'], base: Record<string, unknown> = {}): Logger {
  return pino({
    level: options.level,
    base,
    ...(options.format === 'pretty'
      ? {
          transport: {
            target: 'pino-pretty',
            options: { colorize: true, ignore: 'pid,hostname,node' },
          },
        }
      : {}),
  });
}

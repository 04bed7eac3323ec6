// Entry point of a server node: validate config, start, and shut down cleanly on a signal.
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { startUccnServer } from './start';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env, Boolean(process.stdout.isTTY));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const log = createLogger(config.log, { node: config.nodeId });
  log.info(
    {
      database: config.database.driver,
      redis: config.redisUrl ? 'redis' : 'in-process',
      demo: config.demo.enabled,
    },
    'Starting UCCN Collab',
  );
  const server = await startUccnServer(config, log);
  log.info(`UCCN Collab is ready on ${config.publicUrl ?? server.url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await server.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('UCCN Collab failed to start:', error);
  process.exit(1);
});

// Entry point of `npm run admin -- <command>`; see commands.ts for the commands.
import { ConfigError } from '../config';
import { AppError } from '../errors';
import { runAdmin, USAGE, UsageError } from './commands';

runAdmin(process.argv.slice(2), process.env).catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof AppError || error instanceof ConfigError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});

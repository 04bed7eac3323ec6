// Builds the OpenAPI document without a running server: the app is assembled over an empty
// in-memory database that no route is ever asked to query.
import { openDatabase } from '@uccn/db';
import { Accounts } from './auth/accounts';
import { createAuth } from './auth/auth';
import { loadConfig } from './config';
import { createApp, type OpenApiDocument, openApiDocument } from './http/app';
import { createLogger } from './logger';
import { ConsoleMailer } from './mailer/mailer';

export async function buildOpenApiDocument(): Promise<OpenApiDocument> {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const log = createLogger({ level: 'silent', format: 'json' });
  const database = await openDatabase({ driver: 'pglite' });
  try {
    const auth = createAuth({
      db: database.db,
      log,
      secret: 'openapi-generation-only-not-a-real-secret',
      baseUrl: undefined,
      trustedOrigins: [],
      signInRateLimit: config.signInRateLimit,
    });
    const app = createApp(
      {
        config,
        db: database.db,
        database,
        auth,
        accounts: new Accounts(database.db, auth),
        mailer: new ConsoleMailer(log),
        log,
        readiness: {},
      },
      { demo: { enabled: false, password: null, accounts: [] }, webDist: undefined },
    );
    return openApiDocument(app);
  } finally {
    await database.close();
  }
}

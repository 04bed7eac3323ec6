// Builds the OpenAPI document without a listening server: the services are prepared over a
// throwaway in-memory database, the app is assembled, and its document read.
import { openDatabase } from '@uccn/db';
import { loadConfig } from './config';
import { createApp, type OpenApiDocument, openApiDocument } from './http/app';
import { createLogger } from './logger';
import { prepareServices } from './startup/services';

export async function buildOpenApiDocument(): Promise<OpenApiDocument> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DEMO: 'false',
    AUTH_SECRET: 'openapi-generation-only-not-a-real-secret',
  });
  const prepared = await prepareServices(config, createLogger(config.log), {
    database: await openDatabase({ driver: 'pglite' }),
  });
  try {
    const app = createApp(prepared.services, { demo: prepared.demo, webDist: undefined });
    return openApiDocument(app);
  } finally {
    await prepared.close();
  }
}

// /api/docs: an interactive page over /api/openapi.json, served entirely from this server
// (swagger-ui-dist), so it works where no CDN can be reached.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './context';

const assetsFolder = path.dirname(
  createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
);
const ASSETS = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
} as const;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>UCCN Collab API</title>
  <link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
  <div id="docs"></div>
  <script src="/api/docs/swagger-ui-bundle.js"></script>
  <script>SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true });</script>
</body>
</html>`;

export function mountApiDocs(app: OpenAPIHono<AppEnv>) {
  app.get('/api/docs', (c) => c.html(PAGE));
  for (const [file, type] of Object.entries(ASSETS)) {
    let body: Buffer | undefined;
    app.get(`/api/docs/${file}`, (c) => {
      body ??= readFileSync(path.join(assetsFolder, file));
      return c.body(new Uint8Array(body), 200, {
        'content-type': type,
        'cache-control': 'public, max-age=86400',
      });
    });
  }
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi-document';

it('docs/api/openapi.json is the document the routes generate (run `npm run openapi`)', async () => {
  const committed = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../../docs/api/openapi.json'), 'utf8'),
  );
  expect(committed).toEqual(JSON.parse(JSON.stringify(await buildOpenApiDocument())));
});

// `npm run openapi`: writes docs/api/openapi.json from the routes, so the published API
// description is generated, never hand-written. A test fails when it is out of date.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from './openapi-document';

const target = path.resolve(import.meta.dirname, '../../../docs/api/openapi.json');
writeFileSync(target, `${JSON.stringify(await buildOpenApiDocument(), null, 2)}\n`);
console.log(`Wrote ${path.relative(process.cwd(), target)}`);

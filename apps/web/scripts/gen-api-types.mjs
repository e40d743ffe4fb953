// Writes apps/web/src/api/schema.d.ts from the API's OpenAPI document, built offline (no database).
// Run through `npm run gen:api-types` (builds the API first). A unit test fails when the file is stale.
import { writeFileSync } from 'node:fs';
import { renderWebApiTypes, webApiTypesPath } from '../../../dist/apps/api/src/openapi-types.js';

const path = webApiTypesPath();
writeFileSync(path, await renderWebApiTypes());
console.log(`wrote ${path}`);

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildOpenApiDocumentOffline } from './openapi-document.js';

const HEADER = '// Generated from the API\'s OpenAPI document by `npm run gen:api-types`. Do not edit by hand.\n\n';

/** apps/web/src/api/schema.d.ts, found from this file (source or dist), not from the working directory. */
export function webApiTypesPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'apps', 'web', 'index.html'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find apps/web above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return join(dir, 'apps', 'web', 'src', 'api', 'schema.d.ts');
}

/** The web console's API types: openapi-typescript over the document the API serves at /openapi.json. */
export async function renderWebApiTypes(): Promise<string> {
  const document = await buildOpenApiDocumentOffline();
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}

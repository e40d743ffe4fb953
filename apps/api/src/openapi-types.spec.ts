import { readFileSync } from 'node:fs';
import { renderWebApiTypes, webApiTypesPath } from './openapi-types.js';

describe('web console API types', () => {
  it('apps/web/src/api/schema.d.ts matches the API (else run `npm run gen:api-types`)', async () => {
    const committed = readFileSync(webApiTypesPath(), 'utf8');
    const current = await renderWebApiTypes();
    // A readable hint first: which paths differ, rather than a 2,000-line diff.
    const pathsOf = (text: string) => [...text.matchAll(/^ {4}"(\/[^"]+)": \{$/gm)].map((m) => m[1]).sort();
    expect(pathsOf(committed)).toEqual(pathsOf(current));
    expect(committed === current).toBe(true);
  });
});

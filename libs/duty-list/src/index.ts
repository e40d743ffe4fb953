export * from './parser/index.js';
export * from './duty-list.module.js';
export * from './import/duty-list-import.service.js';
export * from './import/duty-list-import.errors.js';
export type { Change, Counts, ImportCounts } from './import/catalogue.types.js';

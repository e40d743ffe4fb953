export * from './bench-database.js';
export * from './org-generator.js';
export * from './app-context.js';
export * from './report.js';
export * from './options.js';
export * from './dataset.js';

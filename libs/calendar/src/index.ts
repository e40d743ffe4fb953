export * from './rules/index.js';
export * from './calendar.module.js';
export * from './calendar.service.js';
export * from './date-window.service.js';
export type { OrganisationRef } from './calendar.repository.js';

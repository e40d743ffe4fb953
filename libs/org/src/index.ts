export * from './org.module.js';
export * from './org.service.js';
export * from './org.errors.js';
export * from './org.types.js';

export * from './history.module.js';
export * from './history.service.js';
export * from './history.types.js';
export * from './history-chain.rules.js';
export * from './canonical-json.js';

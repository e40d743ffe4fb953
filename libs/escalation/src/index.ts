export * from './escalation.module.js';
export * from './escalation.service.js';
export * from './sweep.service.js';
export * from './escalation-policy.service.js';
export * from './rules/ladder.rules.js';
export * from './rules/recipients.rules.js';

import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { runApi } from './run-api.js';

runApi(process.env).catch((e: Error) => {
  // Configuration and connection problems are one line for the operator, not a stack trace.
  const oneLine = e.name === 'ConfigError' || e.name === 'DatabaseUnreachableError';
  new Logger('Bootstrap').error(oneLine ? e.message : (e.stack ?? e.message));
  process.exit(1);
});

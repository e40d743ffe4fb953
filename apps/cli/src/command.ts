import type { CliContext } from './cli-context.js';

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Commands that need no database (e.g. `migrate` opens its own connection). */
  standalone?: boolean;
  /** `env` is the process environment, for standalone commands to read their configuration from. */
  run(args: string[], ctx: CliContext | undefined, output: Output, env: NodeJS.ProcessEnv): Promise<number>;
}

/** A usage mistake: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

import 'reflect-metadata';
import { DomainError } from '#libs/core';
import { openCliContext, type CliContext } from './cli-context.js';
import { UsageError, type Command, type Output } from './command.js';
import { calendarImportCommand } from './commands/calendar.commands.js';
import { sweepCommand } from './commands/escalation.commands.js';
import { sealHistoryCommand, verifyHistoryCommand } from './commands/history.commands.js';
import { importDutyListCommand } from './commands/import-duty-list.command.js';
import { migrateCommand, seedCommand } from './commands/maintenance.commands.js';
import { generateTasksCommand } from './commands/task.commands.js';
import { userCommands } from './commands/user.commands.js';

const COMMANDS: Command[] = [migrateCommand, seedCommand, importDutyListCommand, calendarImportCommand, ...userCommands(), generateTasksCommand, sweepCommand, verifyHistoryCommand, sealHistoryCommand];

const output: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function help(): void {
  output.out('usage: npm run cli -- <command> [options]\n');
  for (const c of COMMANDS) output.out(`  ${c.usage.padEnd(60)} ${c.summary}`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help') {
    help();
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    output.err(`unknown command "${name}"`);
    help();
    return 2;
  }
  let ctx: CliContext | undefined;
  try {
    if (!command.standalone) ctx = await openCliContext(process.env);
    return await command.run(args, ctx, output, process.env);
  } catch (e) {
    if (e instanceof UsageError || (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      output.err(`${(e as Error).message}\nusage: npm run cli -- ${command.usage}`);
      return 2;
    }
    if (e instanceof DomainError) output.err(`错误 [${e.code}] ${e.message}`);
    else if (['ConfigError', 'DatabaseUnreachableError'].includes((e as Error).name)) output.err((e as Error).message);
    else output.err((e as Error).stack ?? String(e));
    return 1;
  } finally {
    await ctx?.close();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));

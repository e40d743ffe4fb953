import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CalendarService } from '#libs/calendar';
import { UsageError, type Command } from '../command.js';

// A year's schedule is a few kilobytes; anything this large is the wrong file.
const MAX_FILE_BYTES = 1024 * 1024;

export const calendarImportCommand: Command = {
  name: 'calendar-import',
  summary: "Load one year's holiday schedule (JSON or ICS, detected by content); replaces that year",
  usage: 'calendar-import <file> [--organisation CODE]',
  async run(args, ctx, output) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { organisation: { type: 'string' } },
    });
    if (positionals.length !== 1) throw new UsageError('exactly one file expected');
    const file = positionals[0]!;
    const size = (await stat(file)).size;
    if (size > MAX_FILE_BYTES) throw new UsageError(`${file}：文件过大（${size} 字节，上限 ${MAX_FILE_BYTES} 字节）`);
    const calendar = ctx!.app.get(CalendarService);
    const org = await calendar.resolveOrganisation(values.organisation);
    const schedule = calendar.parseSchedule(await readFile(file, 'utf8'));
    // Run by an operator on the server, not a logged-in user: no actor id.
    const result = await calendar.importYear(org.id, schedule, null);
    output.out(
      `${org.name}：已导入${result.year}年节假日安排（特殊日期 ${result.before} → ${result.after}，保留人工调整 ${result.manualKept}）`,
    );
    return 0;
  },
};

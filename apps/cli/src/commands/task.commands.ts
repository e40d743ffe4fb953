import { parseArgs } from 'node:util';
import { DateWindowService, isLocalDate, type LocalDate } from '#libs/calendar';
import { TaskGenerationService } from '#libs/tasks';
import { UsageError, type Command } from '../command.js';

export const generateTasksCommand: Command = {
  name: 'generate-tasks',
  summary: 'Issue recurring tasks whose time has come (idempotent); --dry-run lists them',
  usage: 'generate-tasks [--until YYYY-MM-DD] [--dry-run] [--json]',
  async run(args, ctx, output) {
    const { values } = parseArgs({
      args,
      options: { until: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    });
    if (values.until !== undefined && !isLocalDate(values.until)) throw new UsageError('--until must be YYYY-MM-DD');
    await ctx!.app.get(DateWindowService).assertAccepted({ '--until': values.until });
    const result = await ctx!.app.get(TaskGenerationService).generate({ until: values.until as LocalDate | undefined, dryRun: values['dry-run'] });
    if (values.json) {
      output.out(JSON.stringify(result, null, 2));
      return 0;
    }
    if (result.planned) {
      for (const p of result.planned) {
        output.out(`${p.occurrenceDate}  ${p.title}  下发 ${p.issueDate}  期限 ${p.dueDate}${p.lateIssued ? '  （补发）' : ''}`);
      }
      output.out(`试运行：将生成 ${result.planned.length} 项任务（${result.schedules} 个日程）`);
    } else {
      output.out(`已生成 ${result.created} 项任务（其中补发 ${result.lateIssued} 项；已存在 ${result.existing} 项；${result.schedules} 个日程）`);
    }
    return 0;
  },
};

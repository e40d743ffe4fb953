import { parseArgs } from 'node:util';
import { SweepService } from '#libs/escalation';
import type { Command } from '../command.js';

export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'Record every escalation level that has come due (safe beside running workers)',
  usage: 'sweep [--json]',
  async run(args, ctx, output) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
    const result = await ctx!.app.get(SweepService).sweep();
    output.out(values.json ? JSON.stringify(result) : `督办扫描：${result.tasks} 项任务，新增 ${result.escalations} 条升级记录，${result.messages} 条通知`);
    return 0;
  },
};

import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DomainError } from '#libs/core';
import { DutyListImportService, type ImportSummary } from '#libs/duty-list';
import { UsageError, type Command, type Output } from '../command.js';

// Refuse huge files before reading them into memory; the parser applies its own limit too.
const MAX_FILE_BYTES = 10 * 1024 * 1024;

const ACTION = { create: '新增', update: '变更', retire: '停用' } as const;
const ENTITY = { post: '岗位', workItem: '工作事项', function: '职能', responsibility: '责任', cooperation: '配合' } as const;
const COUNTED = { posts: '岗位', workItems: '工作事项', functions: '职能', responsibilities: '责任', cooperations: '配合' } as const;

export const importDutyListCommand: Command = {
  name: 'import-duty-list',
  summary: 'Import duty lists (履职清单): text, CSV or XLSX; one transaction per file',
  usage: 'import-duty-list <file>... [--dry-run] [--json] [--organisation CODE]',
  async run(args, ctx, output) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, organisation: { type: 'string' } },
    });
    if (positionals.length === 0) throw new UsageError('no file given');
    const importer = ctx!.app.get(DutyListImportService);
    const summaries: ImportSummary[] = [];
    let failed = 0;
    for (const [i, file] of positionals.entries()) {
      if (!values.json) output.err(`[${i + 1}/${positionals.length}] ${file} …`);
      try {
        const size = (await stat(file)).size;
        if (size > MAX_FILE_BYTES) throw new Error(`${file}：文件过大（${size} 字节，上限 ${MAX_FILE_BYTES} 字节）`);
        const summary = await importer.importFile({
          fileName: basename(file),
          bytes: await readFile(file),
          dryRun: values['dry-run'],
          organisation: values.organisation,
        });
        summaries.push(summary);
        if (!values.json) printSummary(summary, output);
      } catch (e) {
        failed++;
        const code = e instanceof DomainError ? e.code : (e as NodeJS.ErrnoException).code ?? 'IMPORT_FAILED';
        output.err(`错误 [${code}] ${(e as Error).message}`);
        if (values.json) summaries.push({ file, error: { code, message: (e as Error).message } } as never);
      }
    }
    if (values.json) output.out(JSON.stringify(summaries, null, 2));
    return failed > 0 ? 1 : 0;
  },
};

function printSummary(s: ImportSummary, output: Output): void {
  const head = s.dryRun ? '试运行（未写入）' : s.unchanged ? '无变化' : `已写入第 ${s.revision} 版`;
  output.out(`${s.file}: ${s.unit.name} — ${head}`);
  for (const [key, label] of Object.entries(COUNTED)) {
    const c = s.counts[key as keyof typeof COUNTED];
    output.out(`  ${label}: 新增 ${c.created} 变更 ${c.updated} 未变 ${c.unchanged} 停用 ${c.retired}`);
  }
  if (s.dryRun) for (const c of s.changes) output.out(`  ${ACTION[c.action]}${ENTITY[c.entity]} ${c.path}${c.text ? `：${c.text}` : ''}`);
  for (const w of s.warnings) output.err(`  警告 [${w.code}] ${w.message}`);
}

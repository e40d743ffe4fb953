import { parseArgs } from 'node:util';
import { DateWindowService } from '#libs/calendar';
import { HistorySealService, HistoryVerifyService, parseSince, type SealResult, type VerificationReport } from '#libs/history';
import { UsageError, type Command, type Output } from '../command.js';

/** Exit code when verification finds tampering: distinct from errors (1) and usage mistakes (2). */
export const TAMPER_EXIT_CODE = 3;

export const verifyHistoryCommand: Command = {
  name: 'verify-history',
  summary: 'Check every history chain and seal; exit 3 on tampering (--seal: then seal if intact)',
  usage: 'verify-history [--since YYYY-MM-DD|ISO] [--seal] [--json]',
  async run(args, ctx, output) {
    const { values } = parseArgs({ args, options: { since: { type: 'string' }, seal: { type: 'boolean' }, json: { type: 'boolean' } } });
    const since = values.since === undefined ? undefined : parseSince(values.since);
    if (since === null) throw new UsageError('--since must be YYYY-MM-DD or an ISO instant');
    // The accepted-date rule of the API (its window), on the date part of either form.
    if (values.since !== undefined) await ctx!.app.get(DateWindowService).assertAccepted({ '--since': values.since.slice(0, 10) });
    const report = await ctx!.app.get(HistoryVerifyService).verify({ since });
    // Sealing a tampered history would vouch for the tampering: only an intact one is sealed.
    const sealed = values.seal && report.ok ? await ctx!.app.get(HistorySealService).seal() : undefined;
    if (values.json) output.out(JSON.stringify(sealed ? { ...report, sealed } : report, null, 2));
    else printReport(report, sealed, output);
    return report.ok ? 0 : TAMPER_EXIT_CODE;
  },
};

export const sealHistoryCommand: Command = {
  name: 'seal-history',
  summary: 'Seal the heads of all history streams changed since the last seal',
  usage: 'seal-history [--json]',
  async run(args, ctx, output) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
    const result = await ctx!.app.get(HistorySealService).seal();
    if (values.json) output.out(JSON.stringify(result, null, 2));
    else output.out(sealLine(result));
    return 0;
  },
};

function printReport(report: VerificationReport, sealed: SealResult | undefined, output: Output): void {
  const scope = report.since ? `自 ${report.since} 起` : '全部';
  const latest = report.seals.latest;
  const sealInfo = latest ? `封存 ${report.seals.count} 次，最近第 ${latest.seq} 号（${latest.at}，哈希 ${latest.hash}）` : '尚无封存记录';
  // The public key and the latest seal hash are what an auditor keeps outside the database.
  const key = report.seals.publicKey;
  output.out(`封存签名公钥（Ed25519，指纹 ${key.fingerprint}）：\n${key.pem}`);
  if (report.seals.unsigned > 0) {
    output.out(`注意：${report.seals.unsigned} 个封存记录早于签名启用，未签名，仅受哈希链保护`);
  }
  if (report.ok) {
    output.out(`留痕核验通过：${scope} ${report.events} 条记录、${report.streams} 个流；${sealInfo}`);
    if (sealed) output.out(sealLine(sealed));
    return;
  }
  output.err(`留痕核验发现 ${report.problemCount} 处问题（${scope} ${report.events} 条记录；${sealInfo}）`);
  for (const p of report.problems) {
    output.err(`  [${p.kind}] 流 ${p.stream} 第 ${p.seq} 条${p.id ? `（id ${p.id}）` : ''}：${p.message}`);
  }
  if (report.problemCount > report.problems.length) output.err(`  …另有 ${report.problemCount - report.problems.length} 处未列出`);
}

function sealLine(result: SealResult): string {
  return result.sealed
    ? `已封存 ${result.streams} 个流的最新记录（至事件 ${result.throughId}，封存第 ${result.lastSealSeq} 号）`
    : `自上次封存（至事件 ${result.throughId}）以来没有新记录，无需封存`;
}

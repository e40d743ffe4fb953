import { parseArgs } from 'node:util';
import { generatePassword, UserAccountService } from '#libs/auth';
import { DomainError } from '#libs/core';
import { RoutingService } from '#libs/tasks';
import { OrgService } from '#libs/org';
import { UsageError, type Command, type Output } from '../command.js';
import type { CliContext } from '../cli-context.js';
import { DateWindowService } from '#libs/calendar';

// A password piped in is bounded; anything longer is a mistake (a file, not a password).
const MAX_STDIN_BYTES = 4096;

/** Reads a password piped to stdin, without its final line break. */
export async function readPasswordFrom(input: NodeJS.ReadableStream): Promise<string> {
  if ((input as { isTTY?: boolean }).isTTY) throw new UsageError('--password-stdin: pipe the password in (e.g. printf %s "$PW" | npm run cli -- …)');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_STDIN_BYTES) throw new UsageError(`--password-stdin: more than ${MAX_STDIN_BYTES} bytes on stdin`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** The password given on stdin, or a random one shown once. */
async function choosePassword(fromStdin: boolean | undefined, stdin: NodeJS.ReadableStream): Promise<{ password: string; generated: boolean }> {
  if (fromStdin) return { password: await readPasswordFrom(stdin), generated: false };
  return { password: generatePassword(), generated: true };
}

function printGenerated(username: string, password: string, output: Output): void {
  output.out(`初始密码（仅显示这一次，请当面或通过安全渠道交给“${username}”）：`);
  output.out(password);
}

/** The user administration commands; `stdin` is where --password-stdin reads from. */
export function userCommands(stdin: NodeJS.ReadableStream = process.stdin): Command[] {
  const createUser: Command = {
    name: 'create-user',
    summary: 'Create a person and their login (password from stdin, or a random one printed once)',
    usage: 'create-user <username> --name 名字 [--email ADDR] [--admin] [--password-stdin]',
    async run(args, ctx, output) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { name: { type: 'string' }, email: { type: 'string' }, admin: { type: 'boolean' }, 'password-stdin': { type: 'boolean' } },
      });
      const [username, ...extra] = positionals;
      if (!username || extra.length) throw new UsageError('give exactly one username');
      if (!values.name?.trim()) throw new UsageError('--name is required');
      const { password, generated } = await choosePassword(values['password-stdin'], stdin);
      const user = await accounts(ctx).createUser({
        username,
        name: values.name.trim(),
        email: values.email?.trim() || null,
        isAdmin: !!values.admin,
        password,
      });
      output.out(`已创建用户 ${user.username}（${values.name.trim()}${user.isAdmin ? '，系统管理员' : ''}）`);
      if (generated) printGenerated(user.username, password, output);
      return 0;
    },
  };

  const resetPassword: Command = {
    name: 'reset-password',
    summary: "Set a user's password (stdin, or a random one printed once) and end their sessions",
    usage: 'reset-password <username> [--password-stdin]',
    async run(args, ctx, output) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'password-stdin': { type: 'boolean' } } });
      const [username, ...extra] = positionals;
      if (!username || extra.length) throw new UsageError('give exactly one username');
      const service = accounts(ctx);
      // Fail on an unknown user before asking for or generating a password.
      const user = await service.requireUser(username);
      const { password, generated } = await choosePassword(values['password-stdin'], stdin);
      const { endedSessions } = await service.resetPassword(user.username, password);
      output.out(`已重置用户 ${user.username} 的密码，结束登录会话 ${endedSessions} 个`);
      if (generated) printGenerated(user.username, password, output);
      return 0;
    },
  };

  const assignPost: Command = {
    name: 'assign-post',
    summary: "Make a user's person hold a post from a date (ends the previous holder's term unless --acting)",
    usage: 'assign-post <username> <unitName|unitId> <postCode> --from YYYY-MM-DD [--acting] [--organisation CODE]',
    async run(args, ctx, output) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { from: { type: 'string' }, acting: { type: 'boolean' }, organisation: { type: 'string' } },
      });
      const [username, unitRef, postCode, ...extra] = positionals;
      if (!username || !unitRef || !postCode || extra.length) throw new UsageError('give a username, a unit and a post code');
      if (!values.from) throw new UsageError('--from YYYY-MM-DD is required');
      const from = values.from;
      // The one accepted-date rule of the API (shape, a real date, the window).
      await ctx!.app.get(DateWindowService).assertAccepted({ '--from': from });
      const user = await accounts(ctx).requireUser(username);
      if (!user.personId) throw new DomainError('USER_WITHOUT_PERSON', 'UNPROCESSABLE', `用户“${user.username}”未关联人员，无法任岗`);
      const org = ctx!.app.get(OrgService);
      const unit = await org.resolveUnit(unitRef, values.organisation);
      const post = await org.requireLivePost(unit, postCode);
      await org.assignPost(post.id, user.personId, from, !!values.acting);
      // A new holder takes over the post's open tasks (from today; a future start moves them then).
      const moved = await ctx!.app.get(RoutingService).reroute([post.id], `岗位人员调整：${user.username}`, null);
      output.out(`${user.username} 自 ${from} 起${values.acting ? '代理' : '担任'} ${unit.name} ${post.name}` + (moved ? `，${moved} 项在办任务已转交` : ''));
      return 0;
    },
  };

  const accountSwitch = (disabled: boolean): Command => ({
    name: disabled ? 'disable-user' : 'enable-user',
    summary: disabled ? 'Stop a user logging in and end all their sessions (nothing is deleted)' : 'Let a disabled user log in again',
    usage: `${disabled ? 'disable-user' : 'enable-user'} <username>`,
    async run(args, ctx, output) {
      const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
      const [username, ...extra] = positionals;
      if (!username || extra.length) throw new UsageError('give exactly one username');
      const state = await accounts(ctx).setDisabled(username, disabled);
      output.out(disabled ? `已停用用户 ${state.username}，结束登录会话 ${state.endedSessions} 个` : `已启用用户 ${state.username}`);
      return 0;
    },
  });

  return [createUser, resetPassword, accountSwitch(true), accountSwitch(false), assignPost];
}

function accounts(ctx: CliContext | undefined): UserAccountService {
  return ctx!.app.get(UserAccountService);
}


import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { UserAccountService } from '#libs/auth';
import { CalendarService } from '#libs/calendar';
import { projectRoot } from '#libs/core';
import { DutyListImportService } from '#libs/duty-list';
import { OrgService } from '#libs/org';
import {
  DEMO_ASSIGNMENT_START,
  DEMO_BACKUPS,
  DEMO_ORGANISATION,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_UNIT_NAME,
  type DemoPerson,
} from './demo-people.js';
import { seedDemoTasks } from './demo-tasks.js';

export interface SeedResult {
  logins: string[];
  password: string;
}

/**
 * Loads the planning section's duty list through the same importer admins use, then demo people
 * holding each post, and — only with `demoLogins` (the embedded default, tests) — their logins with
 * the demo password. Every step checks before it writes, so running it again changes nothing.
 */
export async function seedDemoData(app: INestApplicationContext, options: { demoLogins: boolean; demoTasks?: boolean }): Promise<SeedResult> {
  const logger = new Logger('Seed');
  const org = app.get(OrgService);
  const importer = app.get(DutyListImportService);

  const organisation = await org.ensureOrganisation(DEMO_ORGANISATION.code, DEMO_ORGANISATION.name);
  const calendarYears = await app.get(CalendarService).ensurePackageYears(organisation.id);
  if (calendarYears.length > 0) logger.log(`loaded holiday schedules ${calendarYears[0]}–${calendarYears.at(-1)}`);
  const file = join(projectRoot(), 'seeds', 'planning-section.txt');
  const summary = await importer.importFile({
    fileName: 'planning-section.txt',
    bytes: await readFile(file),
    organisation: organisation.code,
  });
  if (!summary.unchanged) logger.log(`imported ${DEMO_UNIT_NAME}: revision ${summary.revision}`);

  const unit = await org.findUnitByName(organisation.id, DEMO_UNIT_NAME);
  if (!unit) throw new Error(`seed: unit ${DEMO_UNIT_NAME} missing after import`);
  const postByCode = new Map(unit.posts.map((p) => [p.code, p]));

  const holders = new Map<string, string>();
  for (const person of DEMO_PEOPLE) {
    if (!person.postCode) continue;
    const post = postByCode.get(person.postCode);
    if (!post) throw new Error(`seed: post ${person.postCode} missing`);
    const holder = await org.findHolderToday(post.id);
    if (holder) {
      holders.set(person.username, holder.personId);
      continue;
    }
    const created = await org.createPerson({ name: person.name, email: person.email });
    await org.assignPost(post.id, created.id, DEMO_ASSIGNMENT_START);
    holders.set(person.username, created.id);
  }
  for (const [code, backup] of DEMO_BACKUPS) {
    const post = postByCode.get(code)!;
    if (!post.backupPostId) await org.setBackupPost(post.id, postByCode.get(backup)!.id);
  }

  if (!options.demoLogins) return { logins: [], password: DEMO_PASSWORD };
  const accounts = app.get(UserAccountService);
  for (const person of DEMO_PEOPLE) await ensureDemoLogin(accounts, person, holders.get(person.username));
  if (options.demoTasks) {
    const people = new Map<string, { userId: string; personId: string }>();
    for (const person of DEMO_PEOPLE) {
      const user = await accounts.findUser(person.username);
      if (user?.personId) people.set(person.username, { userId: user.id, personId: user.personId });
    }
    const detailed = await Promise.all(unit.posts.map(async (p) => ({ ...p, workItems: (await org.workItemsOfPost(p.id)) })));
    await seedDemoTasks(app, detailed, people);
  }
  return { logins: DEMO_PEOPLE.map((p) => p.username), password: DEMO_PASSWORD };
}

/** Leaves an existing account alone (its password may have been changed since). */
async function ensureDemoLogin(accounts: UserAccountService, person: DemoPerson, holderId: string | undefined): Promise<void> {
  if (await accounts.findUser(person.username)) return;
  const account = { username: person.username, password: DEMO_PASSWORD, isAdmin: !!person.admin, demoLogin: true };
  if (!holderId) {
    await accounts.createUser({ ...account, name: person.name, email: person.email });
    return;
  }
  // The post is held by someone who already has a login under another name: do not add a second.
  if (await accounts.findUserOfPerson(holderId)) return;
  await accounts.createUserForPerson(account, holderId);
}

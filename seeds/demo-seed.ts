import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { projectRoot } from '#libs/core';
import { DutyListImportService } from '#libs/duty-list';
import { OrgService } from '#libs/org';
import { DEMO_ASSIGNMENT_START, DEMO_BACKUPS, DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_UNIT_NAME } from './demo-people.js';

export interface SeedResult {
  logins: string[];
  password: string;
}

/**
 * Loads the planning section's duty list through the same importer admins use, then demo people
 * holding each post. Every step checks before it writes, so running it again changes nothing.
 */
export async function seedDemoData(app: INestApplicationContext, options: { demoLogins: boolean }): Promise<SeedResult> {
  const logger = new Logger('Seed');
  const org = app.get(OrgService);
  const importer = app.get(DutyListImportService);

  const organisation = await org.ensureOrganisation(DEMO_ORGANISATION.code, DEMO_ORGANISATION.name);
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

  for (const person of DEMO_PEOPLE) {
    if (!person.postCode) continue;
    const post = postByCode.get(person.postCode);
    if (!post) throw new Error(`seed: post ${person.postCode} missing`);
    if (await org.hasHolderToday(post.id)) continue;
    const created = await org.createPerson({ name: person.name, email: person.email });
    await org.assignPost(post.id, created.id, DEMO_ASSIGNMENT_START);
  }
  for (const [code, backup] of DEMO_BACKUPS) {
    const post = postByCode.get(code)!;
    if (!post.backupPostId) await org.setBackupPost(post.id, postByCode.get(backup)!.id);
  }

  return { logins: options.demoLogins ? DEMO_PEOPLE.map((p) => p.username) : [], password: DEMO_PASSWORD };
}

import { UserAccountService } from '#libs/auth';
import { DEMO_PASSWORD } from '../../seeds/demo-people.js';
import type { TestApi } from './test-app.js';

export interface SecondUnit {
  unitId: string;
  posts: { chief: string; deputy: string; officer: string };
  /** Logins (password DEMO_PASSWORD): chief2, deputy2, officer21. */
  usernames: { chief: string; deputy: string; officer: string };
}

/**
 * Another section of the same organisation (耕地保护科) with chief ← deputy ← one officer, each
 * held since 2026-01-01 by a person with a login — for checking that units do not see each other.
 */
export async function createSecondUnit(t: TestApi): Promise<SecondUnit> {
  const one = async (text: string, params: unknown[]) => (await t.db.sql<{ id: string }>(text, params))[0]!.id;
  const unitId = await one(
    `INSERT INTO unit (org_id, code, name) SELECT id, 'U900', '耕地保护科' FROM organisation WHERE code = 'nrpb' RETURNING id`,
    [],
  );
  const post = (kind: string, code: string, name: string, seq: number, reportsTo: string | null) =>
    one(`INSERT INTO post (unit_id, kind, code, name, title, seq, reports_to_id) VALUES ($1, $2, $3, $4, $4, $5, $6) RETURNING id`, [
      unitId,
      kind,
      code,
      name,
      seq,
      reportsTo,
    ]);
  const chief = await post('CHIEF', 'chief', '正职岗位', 1, null);
  const deputy = await post('DEPUTY', 'deputy', '副职岗位', 2, chief);
  const officer = await post('OFFICER', 'officer-1', '业务岗1：耕地保护监督工作', 3, deputy);
  await t.db.sql(`INSERT INTO work_item (post_id, seq, title) VALUES ($1, 1, '耕地保护监督检查')`, [officer]);

  const accounts = t.app.get(UserAccountService);
  const usernames = { chief: 'chief2', deputy: 'deputy2', officer: 'officer21' };
  const holders: [string, string, string][] = [
    [chief, usernames.chief, '周海'],
    [deputy, usernames.deputy, '吴芳'],
    [officer, usernames.officer, '郑凯'],
  ];
  for (const [postId, username, name] of holders) {
    const personId = await one(`INSERT INTO person (name) VALUES ($1) RETURNING id`, [name]);
    await t.db.sql(`INSERT INTO post_assignment (post_id, person_id, start_date) VALUES ($1, $2, '2026-01-01')`, [postId, personId]);
    // Test fixtures share the demo logins' password, as demo accounts (refused for real ones).
    await accounts.createUserForPerson({ username, password: DEMO_PASSWORD, demoLogin: true }, personId);
  }
  return { unitId, posts: { chief, deputy, officer }, usernames };
}

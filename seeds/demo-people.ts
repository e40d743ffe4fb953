/**
 * Demo people of the planning section (国土空间规划科), one per post, and the AB backup pairs.
 * Used only by the embedded default's seed and the tests: production creates people through the
 * admin CLI and never gets default passwords. Logins (DEMO_PASSWORD) are created only when the
 * seed is asked for demo logins.
 */
export const DEMO_ORGANISATION = { code: 'nrpb', name: '市自然资源和规划局' };

export const DEMO_UNIT_NAME = '国土空间规划科';

export const DEMO_PASSWORD = 'demo1234';

export interface DemoPerson {
  username: string;
  name: string;
  email: string;
  /** Post code inside the planning section; null for the administrator. */
  postCode: string | null;
  /** Manages the organisation, duty list, calendar and users (User.isAdmin). */
  admin?: boolean;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { username: 'chief', name: '张建国', email: 'chief@nrpb.example.cn', postCode: 'chief' },
  { username: 'deputy', name: '李敏', email: 'deputy@nrpb.example.cn', postCode: 'deputy' },
  { username: 'officer1', name: '王磊', email: 'officer1@nrpb.example.cn', postCode: 'officer-1' },
  { username: 'officer2', name: '刘洋', email: 'officer2@nrpb.example.cn', postCode: 'officer-2' },
  { username: 'officer3', name: '陈静', email: 'officer3@nrpb.example.cn', postCode: 'officer-3' },
  { username: 'officer4', name: '赵鹏', email: 'officer4@nrpb.example.cn', postCode: 'officer-4' },
  { username: 'admin', name: '系统管理员', email: 'admin@nrpb.example.cn', postCode: null, admin: true },
];

/** AB角: each officer post is covered by its neighbour; the deputy covers the chief and back. */
export const DEMO_BACKUPS: [post: string, backup: string][] = [
  ['officer-1', 'officer-2'],
  ['officer-2', 'officer-1'],
  ['officer-3', 'officer-4'],
  ['officer-4', 'officer-3'],
  ['deputy', 'chief'],
  ['chief', 'deputy'],
];

export const DEMO_ASSIGNMENT_START = '2026-01-01';

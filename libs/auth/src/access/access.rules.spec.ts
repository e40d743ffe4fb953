import type { PostKind } from '@prisma/client';
import {
  canActOnPost,
  canSuperviseUnit,
  canViewPost,
  canViewUnit,
  canViewUnitReports,
  canViewWork,
  decideActOnPost,
  decideViewPost,
  decideViewUnit,
  rolesOf,
  unitScope,
} from './access.rules.js';
import type { Actor, ActorPost, PostRef } from './actor.types.js';

// Two units shaped like the duty list: chief ← deputy ← officers.
const post = (id: string, unitId: string, reportsToId: string | null): PostRef => ({ id, unitId, reportsToId });
const POSTS = {
  chief: post('chief', 'U1', null),
  deputy: post('deputy', 'U1', 'chief'),
  officer1: post('officer1', 'U1', 'deputy'),
  officer2: post('officer2', 'U1', 'deputy'),
  chief2: post('chief2', 'U2', null),
  deputy2: post('deputy2', 'U2', 'chief2'),
  officer21: post('officer21', 'U2', 'deputy2'),
} as const;
type PostName = keyof typeof POSTS;
const KIND: Record<PostName, PostKind> = {
  chief: 'CHIEF',
  deputy: 'DEPUTY',
  officer1: 'OFFICER',
  officer2: 'OFFICER',
  chief2: 'CHIEF',
  deputy2: 'DEPUTY',
  officer21: 'OFFICER',
};

const holding = (...names: PostName[]): ActorPost[] => names.map((n) => ({ postId: n, unitId: POSTS[n].unitId, kind: KIND[n] }));
const actor = (posts: ActorPost[], isAdmin = false): Actor => ({ userId: 'u', username: 'u', personId: 'p', isAdmin, sessionId: 's', posts });

const ACTORS = {
  officer1: actor(holding('officer1')),
  deputy: actor(holding('deputy')),
  chief: actor(holding('chief')),
  admin: actor([], true),
  deputy2: actor(holding('deputy2')),
  nobody: actor([]),
  // An officer also acting for a colleague's post, and an admin who also holds a post.
  officer1ActingOfficer2: actor(holding('officer1', 'officer2')),
  adminOfficer21: actor(holding('officer21'), true),
} as const;
type ActorName = keyof typeof ACTORS;

describe('viewing and acting on posts', () => {
  it.each<[ActorName, PostName, view: 'allow' | 'deny' | 'hide', act: 'allow' | 'deny' | 'hide']>([
    // an officer: own post only; colleagues' posts are visible as existing but refused
    ['officer1', 'officer1', 'allow', 'allow'],
    ['officer1', 'officer2', 'deny', 'deny'],
    ['officer1', 'deputy', 'deny', 'deny'],
    ['officer1', 'chief', 'deny', 'deny'],
    ['officer1', 'officer21', 'hide', 'hide'],
    // a deputy: sees the unit, acts on own post and the posts reporting to it
    ['deputy', 'deputy', 'allow', 'allow'],
    ['deputy', 'officer1', 'allow', 'allow'],
    ['deputy', 'officer2', 'allow', 'allow'],
    ['deputy', 'chief', 'allow', 'deny'],
    ['deputy', 'deputy2', 'hide', 'hide'],
    ['deputy', 'officer21', 'hide', 'hide'],
    // a chief: sees the unit, acts on own post and the deputy's; officers report to the deputy
    ['chief', 'chief', 'allow', 'allow'],
    ['chief', 'deputy', 'allow', 'allow'],
    ['chief', 'officer1', 'allow', 'deny'],
    ['chief', 'chief2', 'hide', 'hide'],
    // admin: sees everything, acts on nothing on someone's behalf
    ['admin', 'chief', 'allow', 'deny'],
    ['admin', 'officer1', 'allow', 'deny'],
    ['admin', 'officer21', 'allow', 'deny'],
    // another unit's deputy sees nothing here
    ['deputy2', 'officer1', 'hide', 'hide'],
    ['deputy2', 'deputy', 'hide', 'hide'],
    ['deputy2', 'officer21', 'allow', 'allow'],
    // no posts, no admin flag
    ['nobody', 'officer1', 'hide', 'hide'],
    ['nobody', 'chief', 'hide', 'hide'],
    // several posts add up; admin who holds a post acts through it
    ['officer1ActingOfficer2', 'officer1', 'allow', 'allow'],
    ['officer1ActingOfficer2', 'officer2', 'allow', 'allow'],
    ['officer1ActingOfficer2', 'deputy', 'deny', 'deny'],
    ['adminOfficer21', 'officer21', 'allow', 'allow'],
    ['adminOfficer21', 'officer1', 'allow', 'deny'],
  ])('%s on post %s: view %s, act %s', (who, target, view, act) => {
    const a = ACTORS[who];
    const p = POSTS[target];
    expect(decideViewPost(a, p)).toBe(view);
    expect(decideActOnPost(a, p)).toBe(act);
    expect(canViewPost(a, p)).toBe(view === 'allow');
    expect(canActOnPost(a, p)).toBe(act === 'allow');
  });
});

describe('viewing a piece of work', () => {
  // ACTORS all share the person id 'p'; being party to the work is by person.
  it.each<[ActorName, PostName, parties: string[], view: boolean]>([
    // the post's rule alone
    ['deputy', 'officer1', [], true],
    ['officer1', 'officer2', [], false],
    ['nobody', 'chief', [], false],
    // party to it (works it, assigned it, or takes its pending review or extension decision)
    ['nobody', 'chief', ['p'], true],
    ['deputy2', 'officer1', ['p'], true],
    ['officer1', 'officer2', ['p'], true],
    // someone else being party to it changes nothing
    ['nobody', 'chief', ['q'], false],
    ['deputy2', 'officer1', ['q'], false],
  ])('%s on work of post %s with parties %j: %s', (who, target, parties, view) => {
    expect(canViewWork(ACTORS[who], { post: POSTS[target], parties })).toBe(view);
  });

  it('a person-less account is never party to work', () => {
    expect(canViewWork({ ...ACTORS.nobody, personId: null }, { post: POSTS.chief, parties: [] })).toBe(false);
  });
});

describe('unit-level rules', () => {
  it.each<[ActorName, unit: string, view: 'allow' | 'hide', supervise: boolean, reports: boolean]>([
    ['officer1', 'U1', 'allow', false, false],
    ['officer1', 'U2', 'hide', false, false],
    ['deputy', 'U1', 'allow', true, false],
    ['deputy', 'U2', 'hide', false, false],
    ['chief', 'U1', 'allow', true, true],
    ['chief', 'U2', 'hide', false, false],
    ['deputy2', 'U1', 'hide', false, false],
    ['deputy2', 'U2', 'allow', true, false],
    ['admin', 'U1', 'allow', false, false],
    ['admin', 'U2', 'allow', false, false],
    ['nobody', 'U1', 'hide', false, false],
  ])('%s in unit %s: view %s, supervise %s, reports %s', (who, unit, view, supervise, reports) => {
    const a = ACTORS[who];
    expect(decideViewUnit(a, unit)).toBe(view);
    expect(canViewUnit(a, unit)).toBe(view === 'allow');
    expect(canSuperviseUnit(a, unit)).toBe(supervise);
    expect(canViewUnitReports(a, unit)).toBe(reports);
  });

  it.each<[ActorName, ReturnType<typeof unitScope>]>([
    ['admin', { all: true }],
    ['adminOfficer21', { all: true }],
    ['officer1', { all: false, unitIds: ['U1'] }],
    ['officer1ActingOfficer2', { all: false, unitIds: ['U1'] }],
    ['deputy2', { all: false, unitIds: ['U2'] }],
    ['nobody', { all: false, unitIds: [] }],
  ])('%s sees units %j', (who, scope) => {
    expect(unitScope(ACTORS[who])).toEqual(scope);
  });
});

describe('rolesOf', () => {
  it.each<[ActorName, ReturnType<typeof rolesOf>]>([
    ['officer1', [{ role: 'officer', unitId: 'U1' }]],
    ['officer1ActingOfficer2', [{ role: 'officer', unitId: 'U1' }]],
    ['deputy', [{ role: 'deputy', unitId: 'U1' }]],
    ['chief', [{ role: 'chief', unitId: 'U1' }]],
    ['admin', [{ role: 'admin' }]],
    ['adminOfficer21', [{ role: 'officer', unitId: 'U2' }, { role: 'admin' }]],
    ['nobody', []],
  ])('%s → %j', (who, roles) => {
    expect(rolesOf(ACTORS[who])).toEqual(roles);
  });

  it('gives one role per post kind and unit, from several posts', () => {
    expect(rolesOf(actor(holding('chief', 'deputy2', 'officer21')))).toEqual([
      { role: 'chief', unitId: 'U1' },
      { role: 'deputy', unitId: 'U2' },
      { role: 'officer', unitId: 'U2' },
    ]);
  });
});

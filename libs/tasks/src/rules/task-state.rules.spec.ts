import type { PostKind, TaskStatus } from '@prisma/client';
import { currentReviewer, refusalOf, transition, type TaskAction, type TaskRole, type TaskState } from './task-state.rules.js';

const state = (status: TaskStatus, reviewSteps: PostKind[] = ['DEPUTY', 'CHIEF'], reviewIndex = 0): TaskState => ({
  status,
  reviewSteps,
  reviewIndex,
});
const as = (...roles: TaskRole[]) => new Set(roles);

describe('task lifecycle: legal transitions', () => {
  it.each<[string, TaskState, TaskAction, TaskRole, Partial<TaskState>]>([
    ['签收', state('ISSUED'), 'ACCEPT', 'ASSIGNEE', { status: 'ACCEPTED' }],
    ['start', state('ACCEPTED'), 'START', 'ASSIGNEE', { status: 'IN_PROGRESS' }],
    ['报审 to 初核', state('IN_PROGRESS'), 'SUBMIT', 'ASSIGNEE', { status: 'SUBMITTED', reviewIndex: 0 }],
    ['报审 with no review step finishes', state('IN_PROGRESS', []), 'SUBMIT', 'ASSIGNEE', { status: 'DONE' }],
    ['初核 passes to 审核', state('SUBMITTED'), 'APPROVE', 'REVIEWER', { status: 'REVIEWED', reviewIndex: 1 }],
    ['审核 finishes (办结)', state('REVIEWED', ['DEPUTY', 'CHIEF'], 1), 'APPROVE', 'REVIEWER', { status: 'DONE', reviewIndex: 2 }],
    ['deputy-only review finishes', state('SUBMITTED', ['DEPUTY']), 'APPROVE', 'REVIEWER', { status: 'DONE' }],
    ['退回 at 初核', state('SUBMITTED'), 'RETURN', 'REVIEWER', { status: 'IN_PROGRESS', reviewIndex: 0 }],
    ['退回 at 审核', state('REVIEWED', ['DEPUTY', 'CHIEF'], 1), 'RETURN', 'REVIEWER', { status: 'IN_PROGRESS', reviewIndex: 0 }],
    ['assigner cancels', state('IN_PROGRESS'), 'CANCEL', 'ASSIGNER', { status: 'CANCELLED' }],
    ['admin cancels', state('ISSUED'), 'CANCEL', 'ADMIN', { status: 'CANCELLED' }],
    ['cancel under review', state('REVIEWED', ['DEPUTY', 'CHIEF'], 1), 'CANCEL', 'ASSIGNER', { status: 'CANCELLED' }],
  ])('%s', (_name, from, action, role, expected) => {
    expect(transition(from, action, as(role))).toMatchObject(expected);
  });
});

describe('task lifecycle: illegal transitions answer 409', () => {
  const statuses: TaskStatus[] = ['ISSUED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'REVIEWED', 'DONE', 'CANCELLED'];
  const legal: Record<TaskAction, TaskStatus[]> = {
    ACCEPT: ['ISSUED'],
    START: ['ACCEPTED'],
    SUBMIT: ['IN_PROGRESS'],
    APPROVE: ['SUBMITTED', 'REVIEWED'],
    RETURN: ['SUBMITTED', 'REVIEWED'],
    CANCEL: ['ISSUED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'REVIEWED'],
  };
  const illegal = (Object.keys(legal) as TaskAction[]).flatMap((action) =>
    statuses.filter((s) => !legal[action].includes(s)).map((s) => [action, s] as [TaskAction, TaskStatus]),
  );

  it('covers every other (action, status) pair', () => {
    expect(illegal).toHaveLength(6 * 7 - 12);
  });

  it.each(illegal)('%s from %s', (action, status) => {
    const everyone = as('ASSIGNEE', 'REVIEWER', 'ASSIGNER', 'ADMIN');
    expect(() => transition(state(status), action, everyone)).toThrow(
      expect.objectContaining({ code: 'TASK_ILLEGAL_TRANSITION', kind: 'CONFLICT' }),
    );
  });
});

describe('task lifecycle: the wrong actor answers 403 with a code', () => {
  it.each<[TaskAction, TaskStatus, TaskRole[], string]>([
    ['ACCEPT', 'ISSUED', ['REVIEWER', 'ASSIGNER', 'ADMIN'], 'TASK_NOT_ASSIGNEE'],
    ['SUBMIT', 'IN_PROGRESS', ['REVIEWER'], 'TASK_NOT_ASSIGNEE'],
    ['APPROVE', 'SUBMITTED', ['ASSIGNEE', 'ASSIGNER', 'ADMIN'], 'TASK_NOT_REVIEWER'],
    ['RETURN', 'REVIEWED', ['ASSIGNEE'], 'TASK_NOT_REVIEWER'],
    ['CANCEL', 'ISSUED', ['ASSIGNEE', 'REVIEWER'], 'TASK_NOT_ASSIGNER'],
  ])('%s from %s as %j', (action, status, roles, code) => {
    expect(() => transition(state(status), action, as(...roles))).toThrow(
      expect.objectContaining({ code, kind: 'FORBIDDEN' }),
    );
  });
});

describe('refusalOf', () => {
  it.each<[TaskAction, TaskStatus, TaskRole[], 'ILLEGAL' | 'DENIED' | null]>([
    ['ACCEPT', 'ISSUED', ['ASSIGNEE'], null],
    ['ACCEPT', 'ACCEPTED', ['ASSIGNEE'], 'ILLEGAL'],
    ['ACCEPT', 'ISSUED', ['REVIEWER', 'ASSIGNER'], 'DENIED'],
    ['SUBMIT', 'IN_PROGRESS', [], 'DENIED'],
    ['APPROVE', 'SUBMITTED', ['REVIEWER'], null],
    ['APPROVE', 'IN_PROGRESS', ['REVIEWER'], 'ILLEGAL'],
    ['RETURN', 'REVIEWED', ['ASSIGNEE'], 'DENIED'],
    ['CANCEL', 'REVIEWED', ['ASSIGNER'], null],
    ['CANCEL', 'REVIEWED', ['ASSIGNEE'], 'DENIED'],
    ['CANCEL', 'DONE', ['ADMIN'], 'ILLEGAL'],
    // The state is judged before the role: an illegal action is ILLEGAL for anyone.
    ['START', 'DONE', [], 'ILLEGAL'],
  ])('%s from %s as %j → %s', (action, status, roles, expected) => {
    expect(refusalOf(state(status), action, as(...roles))).toBe(expected);
  });
});

describe('currentReviewer', () => {
  it.each<[TaskState, PostKind | null]>([
    [state('SUBMITTED'), 'DEPUTY'],
    [state('REVIEWED', ['DEPUTY', 'CHIEF'], 1), 'CHIEF'],
    [state('SUBMITTED', ['CHIEF']), 'CHIEF'],
    [state('IN_PROGRESS'), null],
    [state('DONE', ['DEPUTY'], 1), null],
  ])('%j → %s', (s, expected) => {
    expect(currentReviewer(s)).toBe(expected);
  });
});

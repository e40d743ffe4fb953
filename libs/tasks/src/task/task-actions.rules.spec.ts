import type { PostKind, TaskStatus } from '@prisma/client';
import type { TaskRole } from '../rules/task-state.rules.js';
import { allowedTaskActions } from './task-actions.rules.js';

const TWO_STEPS: PostKind[] = ['DEPUTY', 'CHIEF'];

describe('allowedTaskActions', () => {
  it.each<[string, TaskStatus, number, TaskRole[], { pending?: boolean; decides?: boolean }, string[]]>([
    ['assignee, issued', 'ISSUED', 0, ['ASSIGNEE'], {}, ['ACCEPT', 'REQUEST_EXTENSION', 'ADD_EVIDENCE']],
    ['assignee, accepted', 'ACCEPTED', 0, ['ASSIGNEE'], {}, ['START', 'REQUEST_EXTENSION', 'ADD_EVIDENCE']],
    ['assignee, in progress', 'IN_PROGRESS', 0, ['ASSIGNEE'], {}, ['SUBMIT', 'REQUEST_EXTENSION', 'ADD_EVIDENCE']],
    ['assignee with a pending extension', 'IN_PROGRESS', 0, ['ASSIGNEE'], { pending: true }, ['SUBMIT', 'ADD_EVIDENCE']],
    ['assignee, submitted: frozen for them', 'SUBMITTED', 0, ['ASSIGNEE'], {}, ['REQUEST_EXTENSION']],
    ['reviewer of the first step', 'SUBMITTED', 0, ['REVIEWER'], {}, ['APPROVE', 'RETURN', 'ADD_EVIDENCE']],
    ['reviewer of the last step', 'REVIEWED', 1, ['REVIEWER'], {}, ['APPROVE', 'RETURN', 'ADD_EVIDENCE']],
    ['a supervisor who is not the current reviewer', 'SUBMITTED', 0, [], {}, []],
    ['assigner (chief) while the deputy reviews', 'SUBMITTED', 0, ['ASSIGNER'], {}, ['CANCEL']],
    ['the superior decides a pending extension', 'IN_PROGRESS', 0, [], { pending: true, decides: true }, ['DECIDE_EXTENSION']],
    ['no pending extension: nothing to decide', 'IN_PROGRESS', 0, [], { decides: true }, []],
    ['admin may cancel an open task', 'ACCEPTED', 0, ['ADMIN'], {}, ['CANCEL']],
    ['done: nothing for anyone', 'DONE', 2, ['ASSIGNEE', 'REVIEWER', 'ASSIGNER', 'ADMIN'], { pending: true, decides: true }, []],
    ['cancelled: nothing for anyone', 'CANCELLED', 0, ['ASSIGNEE', 'ASSIGNER'], {}, []],
    ['nobody in particular', 'IN_PROGRESS', 0, [], {}, []],
  ])('%s', (_name, status, reviewIndex, roles, flags, expected) => {
    const actions = allowedTaskActions({
      state: { status, reviewSteps: TWO_STEPS, reviewIndex },
      roles: new Set(roles),
      extensionPending: !!flags.pending,
      decidesExtensions: !!flags.decides,
    });
    expect(actions).toEqual(expected);
  });

  it('every listed lifecycle action is one the state machine accepts', () => {
    const state = { status: 'IN_PROGRESS' as TaskStatus, reviewSteps: [] as PostKind[], reviewIndex: 0 };
    // No review step: submitting finishes the task, still offered as SUBMIT.
    expect(allowedTaskActions({ state, roles: new Set(['ASSIGNEE']), extensionPending: false, decidesExtensions: false })).toContain('SUBMIT');
  });
});

import type { PostKind, ResponsibilityType } from '@prisma/client';
import { defaultReviewSteps, validReviewSteps } from './review-steps.rules.js';

describe('defaultReviewSteps', () => {
  it.each<[PostKind, (ResponsibilityType | null)[], PostKind[]]>([
    ['OFFICER', ['REVIEW', 'SUBMIT_FOR_APPROVAL', 'COORDINATION'], ['DEPUTY', 'CHIEF']],
    ['OFFICER', ['REPORT'], ['DEPUTY', 'CHIEF']],
    ['OFFICER', ['EXECUTION', 'REQUEST_REPORT'], ['DEPUTY']],
    ['OFFICER', [null], ['DEPUTY']],
    ['DEPUTY', ['PRELIMINARY_REVIEW', 'REPORT'], ['CHIEF']],
    ['DEPUTY', ['SUPERVISION'], ['CHIEF']],
    ['CHIEF', ['DECISION', 'REVIEW', 'REPORT'], []],
  ])('%s with %j → %j', (kind, types, expected) => {
    expect(defaultReviewSteps(kind, types)).toEqual(expected);
  });
});

describe('validReviewSteps', () => {
  it.each<[PostKind, PostKind[], boolean]>([
    ['OFFICER', [], true],
    ['OFFICER', ['DEPUTY'], true],
    ['OFFICER', ['CHIEF'], true],
    ['OFFICER', ['DEPUTY', 'CHIEF'], true],
    ['OFFICER', ['CHIEF', 'DEPUTY'], false],
    ['OFFICER', ['DEPUTY', 'DEPUTY'], false],
    ['OFFICER', ['OFFICER'], false],
    ['DEPUTY', ['DEPUTY'], false],
    ['DEPUTY', ['CHIEF'], true],
    ['CHIEF', ['CHIEF'], false],
  ])('%s reviewed by %j: %s', (kind, steps, ok) => {
    expect(validReviewSteps(kind, steps)).toBe(ok);
  });
});

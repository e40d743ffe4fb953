import { hashRefreshSecret } from './refresh-token.js';
import { judgeRefreshSecret, pastAbsoluteEnd, sessionEndAt, type RefreshVerdict } from './session-lifetime.rules.js';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600;

describe('sessionEndAt: idle lifetime from now, capped at login + the maximum', () => {
  it.each<[string, string, number, number, string]>([
    ['at login, idle shorter than the maximum', '2026-12-01T00:00:00Z', HOUR, 12 * HOUR, '2026-12-01T01:00:00.000Z'],
    ['at login, idle longer than the maximum', '2026-12-01T00:00:00Z', 7 * 24 * HOUR, 12 * HOUR, '2026-12-01T12:00:00.000Z'],
    ['renewed late in the day: the cap wins', '2026-12-01T11:30:00Z', HOUR, 12 * HOUR, '2026-12-01T12:00:00.000Z'],
    ['renewed early: the idle lifetime wins', '2026-12-01T02:00:00Z', HOUR, 12 * HOUR, '2026-12-01T03:00:00.000Z'],
  ])('%s', (_name, now, idle, max, expected) => {
    expect(sessionEndAt(at(now), at('2026-12-01T00:00:00Z'), idle, max).toISOString()).toBe(expected);
  });
});

describe('pastAbsoluteEnd', () => {
  it.each<[string, boolean]>([
    ['2026-12-01T11:59:59.999Z', false],
    ['2026-12-01T12:00:00.000Z', true],
    ['2026-12-02T00:00:00.000Z', true],
  ])('at %s → %s', (now, expected) => {
    expect(pastAbsoluteEnd(at(now), at('2026-12-01T00:00:00Z'), 12 * HOUR)).toBe(expected);
  });
});

describe('judgeRefreshSecret', () => {
  const current = hashRefreshSecret('current');
  const previous = hashRefreshSecret('previous');
  const rotated = { refreshTokenHash: current, previousRefreshTokenHash: previous, rotatedAt: at('2026-12-01T08:00:00Z') };
  const fresh = { refreshTokenHash: current, previousRefreshTokenHash: null, rotatedAt: null };

  it.each<[string, string, typeof rotated | typeof fresh, string, RefreshVerdict]>([
    ['the live secret', current, rotated, '2026-12-01T09:00:00Z', 'CURRENT'],
    ['the live secret of a never-renewed session', current, fresh, '2026-12-01T09:00:00Z', 'CURRENT'],
    ['the replaced secret at once (a second tab)', previous, rotated, '2026-12-01T08:00:00Z', 'RACED'],
    ['the replaced secret 60 s later', previous, rotated, '2026-12-01T08:01:00Z', 'RACED'],
    ['the replaced secret 61 s later (a copy)', previous, rotated, '2026-12-01T08:01:01Z', 'REUSED'],
    ['a guessed secret', hashRefreshSecret('guess'), rotated, '2026-12-01T09:00:00Z', 'WRONG'],
    ['a guessed secret, never renewed', hashRefreshSecret('guess'), fresh, '2026-12-01T09:00:00Z', 'WRONG'],
  ])('%s → %s', (_name, presented, session, now, expected) => {
    expect(judgeRefreshSecret(presented, session, at(now))).toBe(expected);
  });
});

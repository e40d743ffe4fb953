import { describeRowError, isTransientError, retryAfterFailure } from './set-aside.rules.js';

/** What Prisma (with the pg driver adapter) throws when a raw query fails in the database. */
const prismaRawError = (code: string, message: string) =>
  Object.assign(new Error(`\nInvalid \`prisma.$queryRaw()\` invocation:\n\n\nRaw query failed. Code: \`${code}\`. Message: \`${message}\``), {
    code: 'P2010',
    meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { originalCode: code, originalMessage: message, kind: 'postgres', code, message } } },
  });

const NOW = new Date('2026-12-03T02:00:00.000Z');
const MIN = 60_000;

describe('retryAfterFailure', () => {
  it.each([
    [1, 1 * MIN],
    [2, 2 * MIN],
    [3, 4 * MIN],
    [6, 32 * MIN],
    [7, 60 * MIN],
    [50, 60 * MIN],
    [0, 1 * MIN],
  ])('after %i failure(s) waits %i ms', (attempts, delay) => {
    expect(retryAfterFailure(attempts, NOW).getTime() - NOW.getTime()).toBe(delay);
  });
});

describe('describeRowError', () => {
  class CodedError extends Error {
    constructor(readonly code: string, message: string) {
      super(message);
    }
  }
  it.each([
    ['a domain error keeps its code', new CodedError('OUTBOX_MESSAGE_INVALID', '截止日期无效：0001-01-01'), 'OUTBOX_MESSAGE_INVALID', '截止日期无效：0001-01-01'],
    ['a plain error is named by its class', new RangeError('Invalid time value'), 'RangeError', 'Invalid time value'],
    ['a driver code that is not a stable code falls back to the class', new CodedError('22P02 bad', 'x'), 'Error', 'x'],
    ['a thrown string', 'boom', 'UNKNOWN', 'boom'],
    ['only the first line is kept', new Error('first\n    at stack'), 'Error', 'first'],
    ['blank lines before it are skipped', new Error('\n\nfirst\nsecond'), 'Error', 'first'],
    ["a Prisma raw-query error is named by the database's code and message", prismaRawError('P0001', 'lease refused'), 'P0001', 'lease refused'],
  ])('%s', (_name, error, code, message) => {
    expect(describeRowError(error)).toEqual({ code, message });
  });

  it('bounds the message', () => {
    expect(describeRowError(new Error('x'.repeat(5000))).message).toHaveLength(1000);
  });
});

describe('isTransientError', () => {
  const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  it.each([
    ['connection refused', coded('ECONNREFUSED'), true],
    ['server shutting down (57P01)', coded('57P01'), true],
    ['connection failure (08006)', coded('08006'), true],
    ['serialization failure', coded('40001'), true],
    ['deadlock', coded('40P01'), true],
    ['Prisma cannot reach the server', coded('P1001'), true],
    ['pg pool: connection terminated', new Error('Connection terminated unexpectedly'), true],
    ['a Prisma raw-query error of a dropped connection', prismaRawError('57P01', 'terminating connection due to administrator command'), true],
    ['a Prisma raw-query error of the row', prismaRawError('P0001', 'lease refused'), false],
    ['wrapped in a cause', Object.assign(new Error('outer'), { cause: coded('ECONNRESET') }), true],
    ['a domain error of the row', coded('OUTBOX_MESSAGE_INVALID', '截止日期无效：0001-01-01'), false],
    ['invalid input syntax (22P02)', coded('22P02'), false],
    ['a RangeError from bad data', new RangeError('Invalid time value'), false],
    ['a thrown string', 'boom', false],
  ])('%s', (_name, error, transient) => {
    expect(isTransientError(error)).toBe(transient);
  });
});

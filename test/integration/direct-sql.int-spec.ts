import { Prisma } from '@prisma/client';
import { AppConfig, PrismaService, type SqlTx } from '#libs/core';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/*
 * DirectSql must return what Prisma's own $queryRaw returns, value for value, for every type the
 * repositories read, and treat parameters the same way: repository methods run unchanged on
 * either. Each row of the table is one expression selected through both.
 */
describe('DirectSql: the same raw results as Prisma', () => {
  let db: TestDatabase;
  let prisma: PrismaService;

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = new PrismaService(AppConfig.fromEnv({ DATABASE_URL: db.url }));
  });
  afterAll(async () => {
    await prisma.onApplicationShutdown();
    await db.drop();
  });

  const both = async (query: Prisma.Sql) => ({
    prisma: await prisma.$queryRaw<Record<string, unknown>[]>(query),
    direct: await prisma.direct.$queryRaw<Record<string, unknown>[]>(query),
  });

  it.each<[string, Prisma.Sql]>([
    ['date', Prisma.sql`SELECT DATE '2026-10-08' AS v`],
    ['timestamptz', Prisma.sql`SELECT TIMESTAMPTZ '2026-10-08 09:30:00.123+08' AS v`],
    ['timestamp without zone', Prisma.sql`SELECT TIMESTAMP '2026-10-08 09:30:00.5' AS v`],
    ['int4 and a cast count', Prisma.sql`SELECT 42 AS v, count(*)::int AS n FROM generate_series(1, 3)`],
    ['int8 (a bare count)', Prisma.sql`SELECT count(*) AS v FROM generate_series(1, 3)`],
    ['numeric', Prisma.sql`SELECT 12.50::numeric AS v`],
    ['float8', Prisma.sql`SELECT 0.25::float8 AS v`],
    ['boolean and null', Prisma.sql`SELECT true AS v, NULL::text AS n`],
    ['uuid', Prisma.sql`SELECT '6f1c2a9e-8d4b-4c1a-9a7e-2b3c4d5e6f70'::uuid AS v`],
    ['jsonb', Prisma.sql`SELECT '{"单位":"国土空间规划科","n":[1,2.5,null]}'::jsonb AS v`],
    ['text[] and uuid[]', Prisma.sql`SELECT ARRAY['甲','b'] AS v, ARRAY['6f1c2a9e-8d4b-4c1a-9a7e-2b3c4d5e6f70'::uuid] AS u`],
    ['an enum and an enum array', Prisma.sql`SELECT 'CHIEF'::post_kind AS v, ARRAY['DEPUTY','CHIEF']::post_kind[] AS a`],
    ['date[] and int8[]', Prisma.sql`SELECT ARRAY[DATE '2026-10-08', DATE '2026-10-10'] AS v, ARRAY[1::int8, 2] AS n`],
  ])('%s', async (_name, query) => {
    const { prisma: expected, direct: actual } = await both(query);
    expect(actual).toEqual(expected);
  });

  it.each<[string, unknown, string]>([
    // Instants are sent in UTC: 01:30 Shanghai on the 9th is still the 8th in UTC, with Prisma too.
    ['a Date as timestamptz', new Date('2026-10-08T17:30:00.000Z'), 'timestamptz'],
    ['a Date as date', new Date('2026-10-08T17:30:00.000Z'), 'date'],
    ['a string array', ['6f1c2a9e-8d4b-4c1a-9a7e-2b3c4d5e6f70'], 'uuid[]'],
    ['a JSON text', JSON.stringify([{ a: '规划' }]), 'jsonb'],
    ['an integer', 7, 'int'],
    ['a bigint', 9007199254740993n, 'int8'],
    ['null', null, 'text'],
  ])('parameter: %s', async (_name, value, type) => {
    const query = Prisma.sql`SELECT ${value}::${Prisma.raw(type)} AS v`;
    const { prisma: expected, direct: actual } = await both(query);
    expect(actual).toEqual(expected);
  });

  it('runs nested Prisma.sql fragments and Prisma.join like Prisma', async () => {
    const where = Prisma.sql`WHERE n = ANY(${[2, 3]}::int[])`;
    const query = Prisma.sql`SELECT n FROM generate_series(1, 4) AS n ${where} AND n IN (${Prisma.join([1, 2, 3])}) ORDER BY n`;
    const { prisma: expected, direct: actual } = await both(query);
    expect(actual).toEqual([{ n: 2 }, { n: 3 }]);
    expect(actual).toEqual(expected);
  });

  it('$queryRawUnsafe: positional parameters like Prisma', async () => {
    const text = `SELECT $1::date AS d, $2::int + 1 AS n, $3::uuid[] AS ids`;
    const values = [new Date('2026-10-08T17:30:00.000Z'), 41, ['6f1c2a9e-8d4b-4c1a-9a7e-2b3c4d5e6f70']];
    expect(await prisma.direct.$queryRawUnsafe(text, ...values)).toEqual(await prisma.$queryRawUnsafe(text, ...values));
  });

  it('a direct transaction commits together, or not at all', async () => {
    const write = (tx: SqlTx, code: string) => tx.$executeRaw`INSERT INTO organisation (code, name) VALUES (${code}, ${code})`;
    await prisma.directTransaction(async (tx) => {
      expect(await write(tx, 'DIRECT-1')).toBe(1);
      await write(tx, 'DIRECT-2');
    });
    await expect(
      prisma.directTransaction(async (tx) => {
        await write(tx, 'DIRECT-3');
        await write(tx, 'DIRECT-1'); // unique code: the whole transaction rolls back
      }),
    ).rejects.toThrow(/duplicate key/);
    const rows = await db.sql(`SELECT code FROM organisation WHERE code LIKE 'DIRECT-%' ORDER BY code`);
    expect(rows.map((r) => r.code)).toEqual(['DIRECT-1', 'DIRECT-2']);
  });
});

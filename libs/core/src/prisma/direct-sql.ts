import { Prisma } from '@prisma/client';
import pg from 'pg';

/**
 * What raw-SQL repository code needs of a connection or transaction: Prisma's tagged templates.
 * Both a Prisma client (or interactive transaction) and {@link DirectSql} provide it, so the same
 * repository method runs inside either kind of transaction.
 */
export interface SqlTx {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number>;
}

/**
 * Prisma's raw queries, sent straight to node-postgres on the pool Prisma itself uses. Prisma
 * passes every raw query and its parameters through its query compiler: about 70 ns of CPU per
 * parameter byte (a 300 KB JSON parameter costs 22 ms, against 0.9 ms in pg) and ~0.5 ms per
 * query. The bulk paths (the escalation sweep, task generation) send megabytes per batch and the
 * hot reads (authentication on every request, task views and lists, the inbox, reports) run
 * thousands of times a minute, so they run here; results are converted as Prisma converts raw
 * results (see PRISMA_RAW_TYPES), which `direct-sql.int-spec.ts` checks type by type against
 * Prisma itself.
 */
export class DirectSql implements SqlTx {
  /**
   * `prepared: false` plans every call for its parameter values (see statementName): for queries
   * whose best plan depends on them, like a report over a month or a year.
   */
  constructor(
    private readonly db: pg.Pool | pg.PoolClient,
    private readonly options: { prepared: boolean } = { prepared: true },
  ) {}

  async $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T> {
    return (await this.run(query, values)).rows as T;
  }

  async $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number> {
    return (await this.run(query, values)).rowCount ?? 0;
  }

  /** Prisma's $queryRawUnsafe: SQL text with $1…$n placeholders (shared fragments that refer to them). */
  async $queryRawUnsafe<T = unknown>(text: string, ...values: unknown[]): Promise<T> {
    return (await this.send(text, values)).rows as T;
  }

  private run(query: TemplateStringsArray | Prisma.Sql, values: unknown[]): Promise<pg.QueryResult> {
    // A tagged-template call passes the strings array; a Prisma.sql fragment is passed whole.
    const sql = isTemplate(query) ? Prisma.sql(query, ...values) : query;
    return this.send(sql.text, sql.values);
  }

  private send(text: string, values: unknown[]): Promise<pg.QueryResult> {
    const name = this.options.prepared ? statementName(text) : undefined;
    return this.db.query({ name, text, values: values.map(toParameter), types: PRISMA_RAW_TYPES });
  }
}

/**
 * Repository SQL is a fixed set of texts, so each is a named prepared statement: parsed once per
 * connection, and after five calls PostgreSQL may keep one generic plan for it instead of planning
 * every call (planning was a third of a report query's server time). A generic plan cannot fit a
 * parameter that changes the best plan (a period of a month or of a year: the fulfilment report
 * took 2–3× longer with one), so such queries use an unprepared DirectSql. Texts beyond the bound
 * (none expected: lists are `= ANY($1)` parameters, not spelled out) run unnamed. Named statements
 * need direct connections to PostgreSQL, not a transaction-pooling proxy.
 */
const MAX_NAMED_STATEMENTS = 1000;
const statementNames = new Map<string, string>();
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS) statementNames.set(text, (name = `direct_${statementNames.size + 1}`));
  return name;
}

const isTemplate = (query: TemplateStringsArray | Prisma.Sql): query is TemplateStringsArray => Array.isArray(query);

/**
 * Runs `fn` in one READ COMMITTED transaction on a pooled connection. A transaction left idle
 * (an awaited call that never returns) is ended by the server after a minute rather than holding
 * its row locks for good. A connection whose ROLLBACK failed is discarded, not reused.
 */
export async function directTransaction<T>(pool: pg.Pool, fn: (tx: SqlTx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN; SET LOCAL idle_in_transaction_session_timeout = '60s'");
    const result = await fn(new DirectSql(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((e: Error) => {
      broken = e;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Parameters as Prisma sends them: instants in UTC (so `${date}::date` means the UTC date, as with
 * Prisma, whatever the process's time zone), bigints as text. Arrays, JSON objects, buffers and the
 * rest are node-postgres's own conversions, which match.
 */
function toParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(toParameter);
  return value;
}

const OID = { INT8: 20, DATE: 1082, TIMESTAMP: 1114, NUMERIC: 1700, INT8_ARRAY: 1016, DATE_ARRAY: 1182, TIMESTAMP_ARRAY: 1115 } as const;

const utcDate = (s: string) => new Date(`${s}T00:00:00.000Z`);
const utcTimestamp = (s: string) => new Date(`${s.replace(' ', 'T')}Z`);
const arrayOf = (element: (s: string) => unknown) => {
  const parseArray = (pg.types.getTypeParser as (oid: number) => (s: string) => (string | null)[])(1009 /* text[] */);
  return (s: string) => parseArray(s).map((v) => (v === null ? null : element(v)));
};

/**
 * Result conversions where node-postgres and Prisma's raw queries differ: dates are midnight UTC
 * (not local midnight), timestamps without zone are UTC, int8 is a bigint, numeric a Decimal.
 */
const PARSERS: Partial<Record<number, (s: string) => unknown>> = {
  [OID.INT8]: (s) => BigInt(s),
  [OID.DATE]: utcDate,
  [OID.TIMESTAMP]: utcTimestamp,
  [OID.NUMERIC]: (s) => new Prisma.Decimal(s),
  [OID.INT8_ARRAY]: arrayOf((s) => BigInt(s)),
  [OID.DATE_ARRAY]: arrayOf(utcDate),
  [OID.TIMESTAMP_ARRAY]: arrayOf(utcTimestamp),
};

export const PRISMA_RAW_TYPES = {
  getTypeParser: ((oid: number, format?: string) => PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/**
 * Rows of `SELECT *` with snake_case columns as Prisma's model objects name them (camelCase,
 * following the schema's @map convention), for reads moved off the model API. Enum arrays must be
 * selected `::text[]`: node-postgres returns them as array literals otherwise.
 */
export function camelRows<T>(rows: Record<string, unknown>[]): T[] {
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const key in row) out[camelName(key)] = row[key];
    return out as T;
  });
}

/**
 * Related rows read as a JSON array (`json_agg(row)`, NULL when there are none) into the model's
 * shape: camelCase keys, and the named fields turned back from JSON text into what Prisma returns,
 * `dates` (timestamptz as an ISO instant, date as YYYY-MM-DD: both a Date, dates at UTC midnight)
 * and `bigints` (int8). Everything else (text, int4, booleans, jsonb, enums) is already as Prisma
 * returns it. Lets one statement read a row with its children instead of one statement per table.
 */
export function jsonRows<T>(value: unknown, types: { dates?: readonly string[]; bigints?: readonly string[] }): T[] {
  if (value == null) return [];
  return camelRows<Record<string, unknown>>(value as Record<string, unknown>[]).map((row) => {
    for (const key of types.dates ?? []) if (row[key] != null) row[key] = new Date(row[key] as string);
    for (const key of types.bigints ?? []) if (row[key] != null) row[key] = BigInt(row[key] as number | string);
    return row as T;
  });
}

// Column names are few and repeat on every row: converted once each.
const camelNames = new Map<string, string>();
function camelName(column: string): string {
  let name = camelNames.get(column);
  if (name === undefined) camelNames.set(column, (name = column.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase())));
  return name;
}

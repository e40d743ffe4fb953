import { Injectable } from '@nestjs/common';
import type { CalendarSource, DayKind as DbDayKind } from '@prisma/client';
import { PrismaService, type Tx } from '#libs/core';
import type { DayKind, ExceptionalDay, YearSchedule } from './rules/index.js';

/** A stored row of calendar_day, with its date as 'YYYY-MM-DD'. */
export interface StoredDay {
  date: string;
  workday: boolean;
  kind: DayKind;
  name: string | null;
  source: CalendarSource;
}

export interface StoredCalendar {
  years: number[];
  days: StoredDay[];
}

export interface OrganisationRef {
  id: string;
  code: string;
  name: string;
}

export interface YearReplacement {
  schedule: YearSchedule;
  source: CalendarSource;
  actorUserId: string | null;
  at: Date;
}

export interface YearReplacementCounts {
  /** Exceptional (non-manual) days of that year before and after the replacement. */
  before: number;
  after: number;
  /** Manual edits inside the year, left untouched. */
  manualKept: number;
  previousSource: CalendarSource | null;
}

// @db.Date columns travel as UTC midnights.
const toDbDate = (date: string): Date => new Date(`${date}T00:00:00.000Z`);
const fromDbDate = (date: Date): string => date.toISOString().slice(0, 10);

/** The only code touching calendar_day / calendar_year. */
@Injectable()
export class CalendarRepository {
  constructor(private readonly prisma: PrismaService) {}

  listOrganisations(): Promise<OrganisationRef[]> {
    return this.prisma.organisation.findMany({ select: { id: true, code: true, name: true }, orderBy: { code: 'asc' } });
  }

  findOrganisationByCode(code: string): Promise<OrganisationRef | null> {
    return this.prisma.organisation.findUnique({ where: { code }, select: { id: true, code: true, name: true } });
  }

  async loadCalendar(orgId: string): Promise<StoredCalendar> {
    const [years, days] = await Promise.all([
      this.prisma.calendarYear.findMany({ where: { orgId }, select: { year: true }, orderBy: { year: 'asc' } }),
      this.prisma.calendarDay.findMany({ where: { orgId }, orderBy: { date: 'asc' } }),
    ]);
    return { years: years.map((y) => y.year), days: days.map(toStoredDay) };
  }

  /** The last calendar year loaded by the organisation (or by any, without one). */
  async lastLoadedYear(orgId?: string): Promise<number | null> {
    const { _max } = await this.prisma.calendarYear.aggregate({ where: orgId ? { orgId } : {}, _max: { year: true } });
    return _max.year ?? null;
  }

  async loadedYears(orgId: string): Promise<number[]> {
    const rows = await this.prisma.calendarYear.findMany({ where: { orgId }, select: { year: true } });
    return rows.map((r) => r.year);
  }

  /**
   * A cheap version stamp of an organisation's calendar, so a cached calendar is checked with one
   * query. Any insert or delete by any process changes a count; any update gives the row a new
   * writing transaction id (xmin), which changes the sum. Timestamps alone were not enough: a write
   * stamped by a process whose clock is behind left the newest timestamp as it was.
   */
  async fingerprint(orgId: string): Promise<string> {
    // Asked on every read that counts working days (each inbox, each deadline): straight to the
    // driver (see DirectSql).
    const [row] = await this.prisma.direct.$queryRaw<{ stamp: string }[]>`
      SELECT concat_ws('|', d.n, d.xids, y.n, y.xids) AS stamp
        FROM (SELECT count(*) AS n, sum(xmin::text::bigint) AS xids FROM calendar_day WHERE org_id = ${orgId}::uuid) d,
             (SELECT count(*) AS n, sum(xmin::text::bigint) AS xids FROM calendar_year WHERE org_id = ${orgId}::uuid) y`;
    return row!.stamp;
  }

  /** Package years never overwrite imported or manual days that happen to exist already. */
  async insertPackageYears(orgId: string, schedules: YearSchedule[], at: Date): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      await lockCalendar(tx, orgId);
      const loaded = new Set((await tx.calendarYear.findMany({ where: { orgId }, select: { year: true } })).map((r) => r.year));
      const missing = schedules.filter((s) => !loaded.has(s.year));
      if (missing.length === 0) return 0;
      await tx.calendarDay.createMany({
        data: missing.flatMap((s) => s.days.map((d) => dayRow(orgId, d, 'PACKAGE', null, at))),
        skipDuplicates: true,
      });
      await tx.calendarYear.createMany({
        data: missing.map((s) => ({ orgId, year: s.year, source: 'PACKAGE' as const, loadedAt: at })),
        skipDuplicates: true,
      });
      return missing.length;
    });
  }

  /**
   * Replaces one year's non-manual exceptional days (plus the previous-December days the schedule
   * lists, e.g. a 元旦 block) and marks the year loaded, inside the caller's transaction.
   */
  async replaceYear(tx: Tx, orgId: string, replacement: YearReplacement): Promise<YearReplacementCounts> {
    const { schedule, source, actorUserId, at } = replacement;
    await lockCalendar(tx, orgId);
    const inYear = { gte: toDbDate(`${schedule.year}-01-01`), lte: toDbDate(`${schedule.year}-12-31`) };
    const listed = schedule.days.map((d) => toDbDate(d.date));
    const existingYear = await tx.calendarYear.findUnique({ where: { orgId_year: { orgId, year: schedule.year } } });
    const before = await tx.calendarDay.count({ where: { orgId, date: inYear, source: { not: 'MANUAL' } } });
    await tx.calendarDay.deleteMany({
      where: { orgId, source: { not: 'MANUAL' }, OR: [{ date: inYear }, { date: { in: listed } }] },
    });
    await tx.calendarDay.createMany({
      data: schedule.days.map((d) => dayRow(orgId, d, source, actorUserId, at)),
      skipDuplicates: true, // a MANUAL row on that date wins
    });
    await tx.calendarYear.upsert({
      where: { orgId_year: { orgId, year: schedule.year } },
      create: { orgId, year: schedule.year, source, loadedBy: actorUserId, loadedAt: at },
      update: { source, loadedBy: actorUserId, loadedAt: at },
    });
    const after = await tx.calendarDay.count({ where: { orgId, date: inYear, source: { not: 'MANUAL' } } });
    const manualKept = await tx.calendarDay.count({ where: { orgId, date: inYear, source: 'MANUAL' } });
    return { before, after, manualKept, previousSource: existingYear?.source ?? null };
  }

  async findDay(tx: Tx, orgId: string, date: string): Promise<StoredDay | null> {
    const row = await tx.calendarDay.findUnique({ where: { orgId_date: { orgId, date: toDbDate(date) } } });
    return row ? toStoredDay(row) : null;
  }

  /** Writes a manual day, returning what was stored before (null when the day was ordinary). */
  async putManualDay(
    tx: Tx,
    orgId: string,
    day: { date: string; kind: DayKind; workday: boolean; name: string | null },
    actorUserId: string | null,
    at: Date,
  ): Promise<StoredDay | null> {
    await lockCalendar(tx, orgId);
    const before = await this.findDay(tx, orgId, day.date);
    const data = { workday: day.workday, kind: day.kind as DbDayKind, name: day.name, source: 'MANUAL' as const, updatedBy: actorUserId, updatedAt: at };
    await tx.calendarDay.upsert({
      where: { orgId_date: { orgId, date: toDbDate(day.date) } },
      create: { orgId, date: toDbDate(day.date), ...data },
      update: data,
    });
    return before;
  }
}

/** Serialises calendar writers of one organisation (imports and edits across API processes). */
async function lockCalendar(tx: Tx, orgId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`calendar:${orgId}`}, 0))`;
}

function dayRow(orgId: string, day: ExceptionalDay, source: CalendarSource, updatedBy: string | null, at: Date) {
  return {
    orgId,
    date: toDbDate(day.date),
    workday: day.kind === 'MAKEUP_WORKDAY',
    kind: day.kind,
    name: day.name,
    source,
    updatedBy,
    updatedAt: at,
  };
}

function toStoredDay(row: { date: Date; workday: boolean; kind: DbDayKind; name: string | null; source: CalendarSource }): StoredDay {
  return { date: fromDbDate(row.date), workday: row.workday, kind: row.kind, name: row.name, source: row.source };
}

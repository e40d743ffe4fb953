import { Injectable } from '@nestjs/common';
import { AccessPolicyService, type Actor } from '#libs/auth';
import { Clock, DomainError, NotFoundError, PrismaService, type HealthWarning } from '#libs/core';
import { HistoryService } from '#libs/history';
import { CalendarRepository, type OrganisationRef, type StoredCalendar, type StoredDay } from './calendar.repository.js';
import { DateWindowService } from './date-window.service.js';
import {
  CalendarRulesError,
  WorkingCalendar,
  isWeekend,
  localDateOf,
  monthOf,
  packageYearSchedules,
  parseLocalDate,
  parseScheduleIcs,
  parseScheduleJson,
  yearOf,
  type DayKind,
  type LocalDate,
  type SkippedDay,
  type YearSchedule,
} from './rules/index.js';

export interface DayAnswer {
  date: LocalDate;
  workday: boolean;
  kind: DayKind;
  name: string | null;
  provisional: boolean;
}

export interface AddWorkdaysAnswer {
  date: LocalDate;
  provisional: boolean;
  skipped: SkippedDay[];
}

/** A year as the calendar screen shows it: its exceptional days, and whether it is loaded at all. */
export interface YearOverview {
  year: number;
  /** False: no official schedule for this year, so its working days are a provisional Mon–Fri guess. */
  loaded: boolean;
  loadedYears: number[];
  /** Holidays and 调休 make-up working days dated in this year, ascending. */
  days: { date: LocalDate; kind: 'HOLIDAY' | 'MAKEUP_WORKDAY'; name: string }[];
}

export interface ImportYearResult {
  year: number;
  before: number;
  after: number;
  manualKept: number;
}

export interface DayEdit {
  kind: DayKind;
  name?: string | null;
}

/** A calendar change that may move deadlines computed over `from`..`to` (local dates). */
export interface CalendarChange {
  orgId: string;
  from: LocalDate;
  to: LocalDate;
  reason: string;
  actorUserId: string | null;
}

/** Registered by modules that keep calendar-derived data (task deadlines), so calendar needs no knowledge of them. */
export type CalendarChangeListener = (change: CalendarChange) => Promise<void>;

interface CachedCalendar {
  fingerprint: string;
  calendar: WorkingCalendar;
}

const stream = (orgId: string) => `calendar:${orgId}`;

/**
 * Working-day calendars per organisation, built from the loaded years and the exceptional days.
 *
 * Caching: several API and worker processes may edit the calendar, so a cached calendar is only
 * reused after re-reading a fingerprint (row counts and max timestamps, one small aggregate query)
 * rather than trusting a TTL; a change by another process is therefore seen on the next call.
 * Changes made through this instance also drop the entry at once.
 */
@Injectable()
export class CalendarService {
  private readonly cache = new Map<string, CachedCalendar>();
  private readonly listeners: CalendarChangeListener[] = [];

  constructor(
    private readonly repository: CalendarRepository,
    private readonly prisma: PrismaService,
    private readonly history: HistoryService,
    private readonly clock: Clock,
    private readonly access: AccessPolicyService,
    private readonly dates: DateWindowService,
  ) {}

  async calendarFor(orgId: string): Promise<WorkingCalendar> {
    const fingerprint = await this.repository.fingerprint(orgId);
    const cached = this.cache.get(orgId);
    if (cached?.fingerprint === fingerprint) return cached.calendar;
    const calendar = toWorkingCalendar(await this.repository.loadCalendar(orgId));
    this.cache.set(orgId, { fingerprint, calendar });
    return calendar;
  }

  /**
   * The deployment serves one bureau, so calendar endpoints act on its only organisation; with
   * several, callers must name one (the CLI's --organisation).
   */
  async resolveOrganisation(code?: string): Promise<OrganisationRef> {
    if (code !== undefined) {
      const org = await this.repository.findOrganisationByCode(code);
      if (!org) throw new NotFoundError('ORGANISATION_NOT_FOUND', `机构不存在：${code}`, { code });
      return org;
    }
    const all = await this.repository.listOrganisations();
    if (all.length === 0) throw new NotFoundError('ORGANISATION_NOT_FOUND', '尚未创建机构');
    if (all.length > 1) {
      throw new DomainError('ORGANISATION_AMBIGUOUS', 'CONFLICT', '存在多个机构，请指定机构代码', {
        organisations: all.map((o) => o.code),
      });
    }
    return all[0]!;
  }

  async describeDay(orgId: string, date: string): Promise<DayAnswer> {
    await this.dates.assertAccepted({ date }, orgId);
    const local = rules(() => parseLocalDate(date));
    const { date: d, workday, kind, name, provisional } = (await this.calendarFor(orgId)).day(local);
    return { date: d, workday, kind, name, provisional };
  }

  async addWorkdays(orgId: string, from: string, days: number): Promise<AddWorkdaysAnswer> {
    await this.dates.assertAccepted({ from }, orgId);
    const local = rules(() => parseLocalDate(from));
    const calendar = await this.calendarFor(orgId);
    const result = rules(() => calendar.addWorkdays(local, days));
    return { date: result.date, provisional: result.provisional, skipped: result.skipped };
  }

  async yearOverview(orgId: string, year: number): Promise<YearOverview> {
    if (!Number.isInteger(year) || year < 1900 || year > 9999) {
      throw new DomainError('CALENDAR_YEAR_INVALID', 'INVALID', `年份无效：${year}`, { year });
    }
    const calendar = await this.calendarFor(orgId);
    const days = calendar.exceptionalDays().filter((d) => yearOf(d.date) === year);
    return { year, loaded: calendar.hasYear(year), loadedYears: calendar.loadedYears, days };
  }

  /** Loads every year chinese-days covers that is not loaded yet; safe to call on every start. */
  async ensurePackageYears(orgId: string): Promise<number[]> {
    const loaded = new Set(await this.repository.loadedYears(orgId));
    const missing = packageYearSchedules().filter((s) => !loaded.has(s.year));
    if (missing.length === 0) return [];
    const inserted = await this.repository.insertPackageYears(orgId, missing, this.clock.now());
    if (inserted > 0) {
      await this.history.record({
        stream: stream(orgId),
        type: 'calendar.package.loaded',
        subjectId: orgId,
        data: { years: missing.map((s) => s.year), days: missing.reduce((n, s) => n + s.days.length, 0) },
      });
    }
    this.cache.delete(orgId);
    return missing.map((s) => s.year);
  }

  /** Parses an uploaded schedule file, JSON or ICS by its content. */
  parseSchedule(text: string, expectedYear?: number): YearSchedule {
    return rules(() =>
      /^\s*BEGIN:VCALENDAR/i.test(text.replace(/^\uFEFF/, ''))
        ? parseScheduleIcs(text, expectedYear)
        : parseScheduleJson(text, expectedYear),
    );
  }

  /** Replaces a year's non-manual exceptional days and marks it loaded; audited in the same transaction. */
  async importYear(orgId: string, schedule: YearSchedule, actorUserId: string | null): Promise<ImportYearResult> {
    // Validates the schedule as a whole (e.g. conflicting entries) before anything is written.
    rules(() => WorkingCalendar.fromSchedules([schedule]));
    const at = this.clock.now();
    const counts = await this.prisma.$transaction(async (tx) => {
      const result = await this.repository.replaceYear(tx, orgId, { schedule, source: 'IMPORT', actorUserId, at });
      await this.history.record(
        {
          stream: stream(orgId),
          type: 'calendar.year.imported',
          actorUserId,
          subjectId: String(schedule.year),
          data: {
            year: schedule.year,
            source: 'IMPORT',
            before: { days: result.before, source: result.previousSource },
            after: { days: result.after },
            manualKept: result.manualKept,
          },
        },
        tx,
      );
      return result;
    });
    this.cache.delete(orgId);
    // A notice can move days of the previous December (元旦) too.
    await this.changed({
      orgId,
      from: `${schedule.year - 1}-12-01` as LocalDate,
      to: `${schedule.year}-12-31` as LocalDate,
      reason: `载入${schedule.year}年节假日安排`,
      actorUserId,
    });
    return { year: schedule.year, before: counts.before, after: counts.after, manualKept: counts.manualKept };
  }

  onChange(listener: CalendarChangeListener): void {
    this.listeners.push(listener);
  }

  private async changed(change: CalendarChange): Promise<void> {
    for (const listener of this.listeners) await listener(change);
  }

  /**
   * Manual edit of one day. HOLIDAY / MAKEUP_WORKDAY mark it exceptional; WORKDAY (Mon–Fri) or
   * WEEKEND (Sat/Sun) pin it to its ordinary meaning, overriding a wrong imported entry.
   */
  async setDay(orgId: string, date: string, edit: DayEdit, actorUserId: string | null): Promise<DayAnswer> {
    await this.dates.assertAccepted({ date }, orgId);
    const local = rules(() => parseLocalDate(date));
    const day = manualDay(local, edit);
    await this.prisma.$transaction(async (tx) => {
      const previous = await this.repository.putManualDay(tx, orgId, day, actorUserId, this.clock.now());
      await this.history.record(
        {
          stream: stream(orgId),
          type: 'calendar.day.set',
          actorUserId,
          subjectId: local,
          data: { date: local, before: previous && describeStored(previous), after: { kind: day.kind, name: day.name, source: 'MANUAL' } },
        },
        tx,
      );
    });
    this.cache.delete(orgId);
    await this.changed({ orgId, from: local, to: local, reason: `调整${local}为${edit.kind === 'HOLIDAY' ? '节假日' : edit.kind === 'MAKEUP_WORKDAY' ? '调休上班日' : edit.kind === 'WORKDAY' ? '工作日' : '休息日'}`, actorUserId });
    return this.describeDay(orgId, local);
  }

  /** HTTP upload by an administrator: the body is the file's text (JSON or ICS) for `year`. */
  async importYearAs(actor: Actor, year: number, text: string): Promise<ImportYearResult> {
    await this.access.assertAdmin(actor, 'calendar.year.import');
    const org = await this.resolveOrganisation();
    return this.importYear(org.id, this.parseSchedule(text, year), actor.userId);
  }

  /** Manual edit by an administrator, on the deployment's organisation. */
  async setDayAs(actor: Actor, date: string, edit: DayEdit): Promise<DayAnswer> {
    await this.access.assertAdmin(actor, 'calendar.day.set');
    const org = await this.resolveOrganisation();
    return this.setDay(org.id, date, edit, actor.userId);
  }

  /** /health: the current year, and from December the next one, must have a loaded schedule. */
  async missingYearWarnings(): Promise<HealthWarning[]> {
    const today = localDateOf(this.clock.now());
    const needed = monthOf(today) === 12 ? [yearOf(today), yearOf(today) + 1] : [yearOf(today)];
    const warnings: HealthWarning[] = [];
    for (const org of await this.repository.listOrganisations()) {
      const loaded = new Set(await this.repository.loadedYears(org.id));
      const years = needed.filter((y) => !loaded.has(y));
      if (years.length === 0) continue;
      warnings.push({
        code: 'CALENDAR_YEAR_MISSING',
        message: `${org.name}尚未导入${years.join('、')}年节假日安排，涉及该年的工作日按周一至周五临时推算`,
        details: { organisation: org.code, years },
      });
    }
    return warnings;
  }
}

/** Rule violations are the caller's fault: 400 with the rule's stable code. */
function rules<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof CalendarRulesError) {
      throw new DomainError(error.code, 'INVALID', error.message, { ...error.details });
    }
    throw error;
  }
}

function manualDay(date: LocalDate, edit: DayEdit): { date: LocalDate; kind: DayKind; workday: boolean; name: string | null } {
  const name = edit.name?.trim() || null;
  const weekend = isWeekend(date);
  const invalid = (code: string, message: string): never => {
    throw new DomainError(code, 'INVALID', message, { date, kind: edit.kind });
  };
  switch (edit.kind) {
    case 'HOLIDAY':
    case 'MAKEUP_WORKDAY':
      if (!name) invalid('CALENDAR_DAY_NAME_REQUIRED', '放假或调休上班日必须填写节日名称');
      if (edit.kind === 'MAKEUP_WORKDAY' && !weekend) invalid('SCHEDULE_MAKEUP_NOT_WEEKEND', `调休上班日 ${date} 不是周六或周日`);
      return { date, kind: edit.kind, workday: edit.kind === 'MAKEUP_WORKDAY', name };
    case 'WORKDAY':
      if (weekend) invalid('CALENDAR_DAY_KIND_MISMATCH', `${date} 是周末，周末上班请使用调休上班（MAKEUP_WORKDAY）`);
      return { date, kind: 'WORKDAY', workday: true, name: null };
    case 'WEEKEND':
      if (!weekend) invalid('CALENDAR_DAY_KIND_MISMATCH', `${date} 不是周末，工作日放假请使用 HOLIDAY`);
      return { date, kind: 'WEEKEND', workday: false, name: null };
    default:
      return invalid('CALENDAR_DAY_KIND_INVALID', `日期类型无效：${String(edit.kind)}`);
  }
}

function describeStored(day: StoredDay) {
  return { kind: day.kind, name: day.name, source: day.source };
}

/** Only HOLIDAY / MAKEUP_WORKDAY rows are exceptional; WORKDAY/WEEKEND rows pin the ordinary meaning. */
function toWorkingCalendar(stored: StoredCalendar): WorkingCalendar {
  const days = stored.days.flatMap((d) =>
    d.kind === 'HOLIDAY' || d.kind === 'MAKEUP_WORKDAY'
      ? [{ date: d.date as LocalDate, kind: d.kind, name: d.name ?? (d.kind === 'HOLIDAY' ? '休息日' : '调休上班') }]
      : [],
  );
  return new WorkingCalendar({ years: stored.years, days });
}

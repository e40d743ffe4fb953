import {
  deadlineInstant,
  instantAt,
  instantWhenOverdueBy,
  type LocalDate,
  type WorkingCalendar,
} from '#libs/calendar';

export type RecipientRole = 'ASSIGNEE' | 'DEPUTY' | 'CHIEF';

export type Trigger =
  /** Start (00:00, Shanghai) of the n-th last working day up to the due date (n = 1: the due day itself, or the working day before a rest-day deadline). */
  | { kind: 'WORKDAY_START_BEFORE_DUE'; n: number }
  /** The deadline instant itself. */
  | { kind: 'AT_DUE' }
  /** When the task has been overdue for n working days (calendar rules' overdue definition). */
  | { kind: 'OVERDUE_WORKDAYS'; n: number };

export interface Rung {
  level: number;
  trigger: Trigger;
  recipient: RecipientRole;
}

export type Ladder = Rung[];

export const LEVEL_NAMES = ['提醒', '逾期', '催办', '督办'] as const;
export const LEVEL_COLOURS = ['blue', 'yellow', 'orange', 'red'] as const;

/** The default ladder: 提醒 → assignee, 逾期 → assignee, 催办 (1 working day late) → deputy, 督办 (3) → chief. */
export const DEFAULT_LADDER: Ladder = [
  { level: 0, trigger: { kind: 'WORKDAY_START_BEFORE_DUE', n: 1 }, recipient: 'ASSIGNEE' },
  { level: 1, trigger: { kind: 'AT_DUE' }, recipient: 'ASSIGNEE' },
  { level: 2, trigger: { kind: 'OVERDUE_WORKDAYS', n: 1 }, recipient: 'DEPUTY' },
  { level: 3, trigger: { kind: 'OVERDUE_WORKDAYS', n: 3 }, recipient: 'CHIEF' },
];

export interface LevelTime {
  level: number;
  at: Date;
  recipient: RecipientRole;
}

/**
 * When each level of the ladder falls due for a deadline. A ladder restarted by an approved
 * extension (cycle > 0) starts again from L1: the reminder was already given.
 */
export function levelTimes(ladder: Ladder, dueDate: LocalDate, cutoff: string, cycle: number, calendar: WorkingCalendar): LevelTime[] {
  return ladder
    .filter((r) => cycle === 0 || r.level >= 1)
    .map((r) => ({ level: r.level, recipient: r.recipient, at: triggerInstant(r.trigger, dueDate, cutoff, calendar) }))
    .sort((a, b) => a.level - b.level);
}

function triggerInstant(trigger: Trigger, dueDate: LocalDate, cutoff: string, calendar: WorkingCalendar): Date {
  switch (trigger.kind) {
    case 'AT_DUE':
      return deadlineInstant(dueDate, cutoff);
    case 'OVERDUE_WORKDAYS':
      return instantWhenOverdueBy(dueDate, cutoff, trigger.n, calendar);
    case 'WORKDAY_START_BEFORE_DUE': {
      const last = calendar.isWorkday(dueDate).workday ? dueDate : calendar.previousWorkday(dueDate).date;
      const day = trigger.n > 1 ? calendar.addWorkdays(last, -(trigger.n - 1)).date : last;
      return instantAt(day, '00:00');
    }
  }
}

/** Levels above the one reached whose time has come, lowest first. */
export function dueLevels(times: LevelTime[], reached: number, now: Date): LevelTime[] {
  return times.filter((t) => t.level > reached && t.at.getTime() <= now.getTime());
}

/** When the sweep must look again: the earliest level above `reached`, or null when none is left. */
export function nextLevelAt(times: LevelTime[], reached: number): Date | null {
  const pending = times.filter((t) => t.level > reached).map((t) => t.at.getTime());
  return pending.length > 0 ? new Date(Math.min(...pending)) : null;
}

const TRIGGERS = ['WORKDAY_START_BEFORE_DUE', 'AT_DUE', 'OVERDUE_WORKDAYS'];
const ROLES: RecipientRole[] = ['ASSIGNEE', 'DEPUTY', 'CHIEF'];

/** Validates a stored or submitted ladder; returns a message for the first problem, or null. */
export function ladderProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return '升级规则须为非空数组';
  const levels = new Set<number>();
  for (const r of value as Rung[]) {
    if (!Number.isInteger(r?.level) || r.level < 0 || r.level > 3) return '级别须为0至3';
    if (levels.has(r.level)) return `级别 ${r.level} 重复`;
    levels.add(r.level);
    if (!TRIGGERS.includes(r.trigger?.kind)) return `级别 ${r.level} 的触发条件无效`;
    if (r.trigger.kind !== 'AT_DUE' && (!Number.isInteger(r.trigger.n) || r.trigger.n < 1 || r.trigger.n > 60)) return `级别 ${r.level} 的天数须为1至60`;
    if (!ROLES.includes(r.recipient)) return `级别 ${r.level} 的接收人无效`;
  }
  return null;
}

import { isCalendarRulesError } from './calendar-rules.error.js';
import {
  addDays,
  compareLocalDates,
  dayOfWeek,
  daysBetween,
  fromEpochDay,
  instantAt,
  isLocalDate,
  lastDayOfMonth,
  localDateOf,
  parseLocalDate,
  parseTimeOfDay,
  toEpochDay,
  type LocalDate,
} from './local-date.js';

const d = parseLocalDate;

describe('parseLocalDate / isLocalDate', () => {
  it.each(['2026-01-01', '2024-02-29', '2000-02-29', '2026-12-31'])('accepts %s', (value) => {
    expect(parseLocalDate(value)).toBe(value);
  });

  it.each(['2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-1', '20260101', '', 20260101, null])(
    'rejects %p with INVALID_LOCAL_DATE',
    (value) => {
      expect(isLocalDate(value)).toBe(false);
      expect(() => parseLocalDate(value)).toThrow(expect.objectContaining({ code: 'INVALID_LOCAL_DATE' }));
    },
  );
});

describe('parseTimeOfDay', () => {
  it.each(['00:00', '08:00', '17:30', '23:59', '24:00'])('accepts %s', (value) => {
    expect(parseTimeOfDay(value)).toBe(value);
  });

  it.each(['24:01', '25:00', '12:60', '8:00', '08:00:00', ''])('rejects %p', (value) => {
    let caught: unknown;
    try {
      parseTimeOfDay(value);
    } catch (error) {
      caught = error;
    }
    expect(isCalendarRulesError(caught, 'INVALID_TIME_OF_DAY')).toBe(true);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-09-30', 8, '2026-10-08'],
    ['2026-03-01', -366, '2025-02-28'],
  ])('addDays(%s, %i) = %s', (from, n, expected) => {
    expect(addDays(d(from), n)).toBe(expected);
    expect(daysBetween(d(from), d(expected))).toBe(n);
  });

  it.each([
    ['2026-01-01', 4],
    ['2026-01-04', 7],
    ['2026-02-14', 6],
    ['2026-10-01', 4],
    ['2026-10-10', 6],
    ['2027-01-01', 5],
    ['1970-01-01', 4],
    ['1969-12-31', 3],
  ])('dayOfWeek(%s) = %i (ISO, Monday = 1)', (date, expected) => {
    expect(dayOfWeek(d(date))).toBe(expected);
  });

  it('compares dates', () => {
    expect(compareLocalDates(d('2026-09-30'), d('2026-10-01'))).toBeLessThan(0);
    expect(compareLocalDates(d('2026-10-01'), d('2026-10-01'))).toBe(0);
    expect(compareLocalDates(d('2027-01-01'), d('2026-12-31'))).toBeGreaterThan(0);
  });

  it.each([
    [2026, 2, '2026-02-28'],
    [2024, 2, '2024-02-29'],
    [2026, 4, '2026-04-30'],
    [2026, 12, '2026-12-31'],
  ])('lastDayOfMonth(%i, %i) = %s', (year, month, expected) => {
    expect(lastDayOfMonth(year, month)).toBe(expected);
  });
});

describe('epoch days (integer arithmetic, no Date)', () => {
  const MS_PER_DAY = 86_400_000;
  // What the conversions were defined as before they became integer maths.
  const viaDate = {
    to: (value: string) => Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10))) / MS_PER_DAY,
    from: (epochDay: number) => new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10),
  };

  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['1900-01-01', -25_567],
    ['1900-03-01', -25_508], // 1900 is not a leap year
    ['2000-02-29', 11_016],
    ['2000-03-01', 11_017],
    ['2026-10-01', 20_727],
    ['1000-01-01', -354_285],
    ['9999-12-31', 2_932_896],
  ])('%s is epoch day %i both ways', (date, epochDay) => {
    expect(toEpochDay(date as LocalDate)).toBe(epochDay);
    expect(fromEpochDay(epochDay)).toBe(date);
  });

  it('agrees with Date for every day of 1899–2101', () => {
    const mismatches: string[] = [];
    for (let epochDay = viaDate.to('1899-01-01'); epochDay <= viaDate.to('2101-12-31'); epochDay += 1) {
      const date = viaDate.from(epochDay);
      if (fromEpochDay(epochDay) !== date || toEpochDay(date as LocalDate) !== epochDay) mismatches.push(date);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  // Inputs no LocalDate helper mints keep the Date-based answer (or error) exactly.
  it.each([1.5, -0.5, -354_286, 2_932_897, -800_000])('fromEpochDay(%p) matches Date', (epochDay) => {
    expect(fromEpochDay(epochDay)).toBe(viaDate.from(epochDay));
  });

  it.each([Number.NaN, 1e12])('fromEpochDay(%p) throws as Date does', (epochDay) => {
    expect(() => fromEpochDay(epochDay)).toThrow(RangeError);
  });

  it.each(['2026-02-30', '2026-01-00', '2024-02-31', '0050-01-01', '0999-12-31', '2026-13-01', '2026-1-01', 'abcd-ef-gh'])(
    'toEpochDay(%p) matches Date.UTC, rollover and all',
    (value) => {
      expect(toEpochDay(value as LocalDate)).toBe(viaDate.to(value));
    },
  );
});

describe('Shanghai wall time', () => {
  it.each([
    // A 08:00 Shanghai cut-off is midnight UTC of the same day, 07:59 is still the previous UTC day.
    ['2026-10-08', '08:00', '2026-10-08T00:00:00.000Z'],
    ['2026-10-08', '07:59', '2026-10-07T23:59:00.000Z'],
    ['2026-10-08', '00:00', '2026-10-07T16:00:00.000Z'],
    ['2026-10-08', '17:30', '2026-10-08T09:30:00.000Z'],
    ['2026-10-08', '23:59', '2026-10-08T15:59:00.000Z'],
    ['2026-10-08', '24:00', '2026-10-08T16:00:00.000Z'],
    ['2026-12-31', '24:00', '2026-12-31T16:00:00.000Z'],
  ])('instantAt(%s, %s) = %s', (date, time, iso) => {
    expect(instantAt(d(date), time).toISOString()).toBe(iso);
  });

  it.each([
    ['2026-10-07T15:59:59.999Z', '2026-10-07'],
    ['2026-10-07T16:00:00.000Z', '2026-10-08'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01'],
    ['2026-10-08T00:00:00.000Z', '2026-10-08'],
  ])('localDateOf(%s) = %s regardless of the process time zone', (iso, expected) => {
    expect(localDateOf(new Date(iso))).toBe(expected);
  });

  it('round-trips every quarter hour of a day', () => {
    for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
      const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      expect(localDateOf(instantAt(d('2026-06-15'), hhmm))).toBe('2026-06-15');
    }
  });

  it('rejects an invalid instant', () => {
    expect(() => localDateOf(new Date(Number.NaN))).toThrow(expect.objectContaining({ code: 'INVALID_INSTANT' }));
  });
});

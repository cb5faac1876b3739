import { WEEKDAYS, type Weekday, type WeeklySchedule } from '../packers/packers.schema.js';

/**
 * Time in the account's zone, from the platform's time-zone data (Intl): shifts are written in
 * local wall time, and a local day is 23 or 25 hours long when the clocks change.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  return f;
}

export interface LocalDate {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

/** The local calendar date and wall-clock time of an instant. */
export function localParts(at: number, timeZone: string): LocalDate & { minutes: number } {
  const p: Record<string, number> = {};
  for (const part of format(timeZone).formatToParts(at))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  return {
    year: p.year ?? 1970,
    month: p.month ?? 1,
    day: p.day ?? 1,
    minutes: (p.hour ?? 0) * 60 + (p.minute ?? 0),
  };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(at: number, timeZone: string): number {
  const l = localParts(at, timeZone);
  const seconds = Math.floor(at / 1000) % 60;
  const wall = Date.UTC(l.year, l.month - 1, l.day) + l.minutes * MINUTE + seconds * 1000;
  return wall - (at - (at % 1000));
}

/**
 * The instant a local wall-clock time names. A time that happens twice (03:30 on the autumn
 * change) is its first one; a time the clocks skip (03:30 in spring) lands as far after the
 * change as it was meant after 03:00 (04:30 summer time).
 */
export function localToInstant(d: LocalDate, minutes: number, timeZone: string): number {
  const wall = Date.UTC(d.year, d.month - 1, d.day) + minutes * MINUTE;
  // The zone's offsets a day either side: any change on this date lies between them.
  const before = wall - offsetAt(wall - DAY, timeZone);
  const after = wall - offsetAt(wall + DAY, timeZone);
  const valid = [before, after].filter((t) => t + offsetAt(t, timeZone) === wall);
  return valid.length ? Math.min(...valid) : before;
}

function addDays(d: LocalDate, n: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + n * DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

function weekdayOf(d: LocalDate): Weekday {
  // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7] ?? 'mon';
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Beyond this many days the answer is surely past any threshold; the loop stops there. */
const MAX_DAYS = 120;

/**
 * How much of [from, to) falls inside the packer's shifts, in ms, the shifts read in the
 * account's zone day by day (so a shift on the night the clocks change is an hour shorter or
 * longer). A schedule empty on every day means "always at work": the whole span counts.
 */
export function workingMs(
  shifts: WeeklySchedule,
  timeZone: string,
  from: number,
  to: number,
): number {
  if (to <= from) return 0;
  if (WEEKDAYS.every((d) => shifts[d].length === 0)) return to - from;
  const start = localParts(from, timeZone);
  const last = localParts(to, timeZone);
  const lastKey = Date.UTC(last.year, last.month - 1, last.day);
  let total = 0;
  for (let i = 0; i <= MAX_DAYS; i++) {
    const d = addDays(start, i);
    if (Date.UTC(d.year, d.month - 1, d.day) > lastKey) break;
    for (const s of shifts[weekdayOf(d)]) {
      const a = Math.max(from, localToInstant(d, toMinutes(s.start), timeZone));
      const b = Math.min(to, localToInstant(d, toMinutes(s.end), timeZone));
      if (b > a) total += b - a;
    }
  }
  return total;
}

/** Monday 00:00 of the local week that holds `at`. */
export function startOfLocalWeek(at: number, timeZone: string): number {
  const l = localParts(at, timeZone);
  const back = WEEKDAYS.indexOf(weekdayOf(l));
  return localToInstant(addDays(l, -back), 0, timeZone);
}

/** [first instant, first instant of the next month) of a local month "YYYY-MM". */
export function localMonthRange(month: string, timeZone: string): [number, number] {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const next = m === 12 ? { year: year + 1, month: 1 } : { year, month: m + 1 };
  return [
    localToInstant({ year, month: m, day: 1 }, 0, timeZone),
    localToInstant({ ...next, day: 1 }, 0, timeZone),
  ];
}

/** "YYYY-MM" of the local month that holds `at`. */
export function localMonthOf(at: number, timeZone: string): string {
  const l = localParts(at, timeZone);
  return `${l.year}-${String(l.month).padStart(2, '0')}`;
}

import { WEEKDAYS, type WeeklySchedule } from '../../modules/packers/packers.schema.js';
import { localToInstant } from '../../modules/penalties/working-time.js';
import { addDays, localMidnight } from '../../shared/local-days.js';

/**
 * A packer's shifts of a span of local days as instants, so that the generator can walk a
 * duration of *working* time forward a million times without asking Intl each time. The
 * windows are made with `localToInstant`, the function `workingMs` reads shifts with: a wait
 * measured here is the wait `workingMs` measures (the calendar test checks it).
 */
export class ShiftCalendar {
  /** [start0, end0, start1, end1, …] ascending, non-overlapping. */
  private readonly w: number[] = [];

  constructor(shifts: WeeklySchedule, timeZone: string, fromDay: string, toDay: string) {
    // No shift on any day means "always at work" (workingMs counts the whole span): one window.
    if (WEEKDAYS.every((d) => shifts[d].length === 0)) {
      this.w.push(localMidnight(fromDay, timeZone), localMidnight(addDays(toDay, 1), timeZone));
      return;
    }
    for (let day = fromDay; day <= toDay; day = addDays(day, 1)) {
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
      const weekday = WEEKDAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7] ?? 'mon';
      for (const s of shifts[weekday]) {
        const local = { year: y, month: m, day: d };
        const a = localToInstant(local, minutesOf(s.start), timeZone);
        const b = localToInstant(local, minutesOf(s.end), timeZone);
        if (b > a) this.w.push(a, b);
      }
    }
  }

  /** Index of the first window whose end is after `at` (windows.length/2 when none). */
  private find(at: number): number {
    let lo = 0;
    let hi = this.w.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.w[mid * 2 + 1] as number) <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first instant ≥ `at` inside a shift (Infinity past the calendar's last day). */
  nextWorking(at: number): number {
    const i = this.find(at);
    if (i * 2 >= this.w.length) return Infinity;
    return Math.max(at, this.w[i * 2] as number);
  }

  /** The instant at which `workMs` of shift time has passed since `at` (Infinity beyond). */
  advance(at: number, workMs: number): number {
    let left = workMs;
    let t = at;
    for (let i = this.find(at); i * 2 < this.w.length; i++) {
      const a = Math.max(t, this.w[i * 2] as number);
      const b = this.w[i * 2 + 1] as number;
      if (b - a >= left) return a + left;
      left -= b - a;
      t = b;
    }
    return Infinity;
  }

  /** Shift time inside [from, to). */
  workBetween(from: number, to: number): number {
    let total = 0;
    for (let i = this.find(from); i * 2 < this.w.length; i++) {
      const a = Math.max(from, this.w[i * 2] as number);
      const b = Math.min(to, this.w[i * 2 + 1] as number);
      if (a >= to) break;
      if (b > a) total += b - a;
    }
    return total;
  }
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** How busy a weekday is (Monday first): Romanian shops sell most early in the week. */
const WEEKDAY_WEIGHT = [1.15, 1.1, 1.05, 1.0, 0.95, 0.7, 0.85];
/** How busy an hour of the local day is: evenings after work are the peak. */
export const HOUR_WEIGHT = [
  0.3, 0.15, 0.1, 0.08, 0.08, 0.12, 0.3, 0.6, 0.9, 1.1, 1.2, 1.2, 1.3, 1.2, 1.1, 1.1, 1.2, 1.3, 1.5,
  1.7, 1.9, 1.8, 1.3, 0.7,
];

/**
 * How many orders each local day of [firstDay, lastDay] gets out of `total`: weekly rhythm, a
 * shop growing over the span, and the November–December season. Deterministic.
 */
export function ordersPerDay(
  firstDay: string,
  lastDay: string,
  total: number,
): Map<string, number> {
  const days: string[] = [];
  for (let d = firstDay; d <= lastDay; d = addDays(d, 1)) days.push(d);
  const weights = days.map((day, i) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
    const growth = 0.7 + (0.6 * i) / Math.max(1, days.length - 1);
    const season = m === 12 && d < 20 ? 1.5 : m === 11 && d > 20 ? 1.8 : 1;
    return (WEEKDAY_WEIGHT[weekday] as number) * growth * season;
  });
  const sum = weights.reduce((s, w) => s + w, 0);
  const out = new Map<string, number>();
  let given = 0;
  let acc = 0;
  days.forEach((day, i) => {
    acc += weights[i] as number;
    const upTo = Math.round((total * acc) / sum);
    out.set(day, upTo - given);
    given = upTo;
  });
  return out;
}

/** The instant of minute `minute` of local day `day` (clamped inside the day). */
export function instantInDay(day: string, minute: number, timeZone: string): number {
  const key = `${timeZone} ${day}`;
  let bounds = dayBounds.get(key);
  if (!bounds) {
    bounds = [localMidnight(day, timeZone), localMidnight(addDays(day, 1), timeZone)];
    if (dayBounds.size > 10_000) dayBounds.clear();
    dayBounds.set(key, bounds);
  }
  return Math.min(bounds[0] + minute * 60_000, bounds[1] - 1);
}
const dayBounds = new Map<string, [number, number]>();

/**
 * Local calendar days of an account's time zone as UTC instants. Figures are counted per local
 * day (a parcel delivered at 00:30 in Bucharest belongs to that Bucharest day), and SQLite knows
 * no time zones: the boundaries are computed here, DST included, and handed to SQL as a table.
 */
export interface LocalDay {
  /** YYYY-MM-DD in the account's time zone. */
  day: string;
  /** First instant of the day (ms, inclusive). */
  start: number;
  /** First instant of the next day (ms, exclusive). */
  end: number;
}

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at `at` (ms; +2h in Bucharest winter is 7_200_000). */
function offsetAt(at: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(at)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The instant local midnight starts the day `day` (YYYY-MM-DD) in `timeZone`. */
export function localMidnight(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const naive = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  // Two passes: the offset at the guess may differ from the offset at the answer across DST.
  const first = naive - offsetAt(naive, timeZone);
  return naive - offsetAt(first, timeZone);
}

/** The local day (YYYY-MM-DD) an instant falls on in `timeZone`. */
export function localDayOf(at: number, timeZone: string): string {
  return new Date(at + offsetAt(at, timeZone)).toISOString().slice(0, 10);
}

/** The day `n` days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + n)).toISOString().slice(0, 10);
}

/** Every local day from `from` to `to` inclusive (empty when `to` is before `from`). */
export function localDays(from: string, to: string, timeZone: string): LocalDay[] {
  const out: LocalDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const next = addDays(day, 1);
    out.push({ day, start: localMidnight(day, timeZone), end: localMidnight(next, timeZone) });
  }
  return out;
}

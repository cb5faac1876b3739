/**
 * The report period as the page keeps it in its address (`?period=last7`, or
 * `?period=custom&from=…&to=…`): a link or a reload shows the same days. Days are local days of
 * the account's time zone ('YYYY-MM-DD'), both ends included, as the server counts them.
 */
export const PRESETS = [
  'yesterday',
  'last7',
  'thisMonth',
  'lastMonth',
  'last30',
  'thisYear',
  'custom',
] as const;
export type Preset = (typeof PRESETS)[number];

/** The server's own default (the last 30 days up to today), so no parameter means the same. */
export const DEFAULT_PRESET: Exclude<Preset, 'custom'> = 'last30';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface Period {
  preset: Preset;
  from: string;
  to: string;
}

/** Today in the given zone, as 'YYYY-MM-DD' (en-CA writes dates that way). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Calendar arithmetic on a day label (UTC noon: no zone can move it to another day). */
export function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const isDay = (s: string | null | undefined): s is string =>
  !!s && DAY.test(s) && !Number.isNaN(Date.parse(`${s}T12:00:00Z`));

/** The days a preset covers, seen from `today`. */
export function presetRange(preset: Exclude<Preset, 'custom'>, today: string): [string, string] {
  const month = today.slice(0, 7);
  switch (preset) {
    case 'yesterday':
      return [shiftDay(today, -1), shiftDay(today, -1)];
    case 'last7':
      return [shiftDay(today, -6), today];
    case 'thisMonth':
      return [`${month}-01`, today];
    case 'lastMonth': {
      const lastOfPrevious = shiftDay(`${month}-01`, -1);
      return [`${lastOfPrevious.slice(0, 7)}-01`, lastOfPrevious];
    }
    case 'last30':
      return [shiftDay(today, -29), today];
    case 'thisYear':
      return [`${today.slice(0, 4)}-01-01`, today];
  }
}

/** The period from the address; anything unreadable falls back to the default preset. */
export function readPeriod(params: URLSearchParams, today: string): Period {
  const asked = params.get('period');
  const preset = PRESETS.find((p) => p === asked) ?? DEFAULT_PRESET;
  if (preset === 'custom') {
    const from = params.get('from');
    const to = params.get('to');
    if (isDay(from) && isDay(to))
      return from <= to ? { preset, from, to } : { preset, from: to, to: from };
    const [f, t] = presetRange(DEFAULT_PRESET, today);
    return { preset: DEFAULT_PRESET, from: f, to: t };
  }
  const [from, to] = presetRange(preset, today);
  return { preset, from, to };
}

/** The address parameters of a period (a preset alone; a custom one with its days). */
export function periodParams(p: Period): Record<string, string> {
  if (p.preset === 'custom') return { period: 'custom', from: p.from, to: p.to };
  return p.preset === DEFAULT_PRESET ? {} : { period: p.preset };
}

/** How a day is written in each UI language, in the range fields and on their calendars. */
export const DAY_FORMAT: Record<'ro' | 'en', string> = { ro: 'DD.MM.YYYY', en: 'DD/MM/YYYY' };

/**
 * A day as a person types it: day, month, four-digit year, separated by `.`, `/` or `-`
 * ("5.11.2026", "05/11/2026"); 'YYYY-MM-DD' or null while it is not a whole, real day yet (so
 * "05.11.2" changes nothing while the year is still being typed).
 */
export function parseTypedDay(text: string): string | null {
  const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const day = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  // Date.parse accepts 2026-02-31 (it rolls over): the day must survive the round trip.
  return isDay(day) && new Date(`${day}T12:00:00Z`).toISOString().startsWith(day) ? day : null;
}

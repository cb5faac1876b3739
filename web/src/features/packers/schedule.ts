import type { TFunction } from 'i18next';
import { WEEKDAYS, type WeeklySchedule } from '../../api/packers';

export const isAlwaysAvailable = (s: WeeklySchedule): boolean =>
  WEEKDAYS.every((d) => s[d].length === 0);

/** "Mon–Fri 08:00–16:00" style summary; an empty schedule means always available. */
export function scheduleSummary(s: WeeklySchedule, t: TFunction): string {
  if (isAlwaysAvailable(s)) return t('shifts.always');
  const parts: string[] = [];
  let i = 0;
  while (i < WEEKDAYS.length) {
    const day = WEEKDAYS[i]!;
    const key = s[day].map((x) => `${x.start}–${x.end}`).join(', ');
    let j = i;
    while (j + 1 < WEEKDAYS.length) {
      const next = WEEKDAYS[j + 1]!;
      if (s[next].map((x) => `${x.start}–${x.end}`).join(', ') !== key) break;
      j++;
    }
    if (key) {
      const from = t(`weekdays.short.${day}`);
      const to = t(`weekdays.short.${WEEKDAYS[j]!}`);
      parts.push(`${i === j ? from : `${from}–${to}`} ${key}`);
    }
    i = j + 1;
  }
  return parts.join('; ');
}

/** Problems of a schedule the server would refuse, by day; an empty object when it is fine. */
export function scheduleErrors(s: WeeklySchedule, t: TFunction): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  for (const day of WEEKDAYS) {
    for (const iv of s[day]) {
      if (!/^\d{2}:\d{2}$/.test(iv.start) || !/^\d{2}:\d{2}$/.test(iv.end)) {
        errors[day] = t('shifts.incomplete');
      } else if (iv.start >= iv.end) {
        errors[day] = t('shifts.endAfterStart');
      }
    }
  }
  return errors;
}

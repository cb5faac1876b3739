import { WEEKDAYS, type Packer, type Weekday } from '../../api/packers';

export type PackerWarning = 'offShift' | 'overLimit' | 'storeNotAllowed';

/** Weekday and minutes of the day now in the account's time zone. */
function localNow(now: Date, timeZone: string): { day: Weekday; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = (WEEKDAYS as readonly string[]).find((d) => d === get('weekday').toLowerCase());
  return {
    day: (day as Weekday | undefined) ?? 'mon',
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * What the automatic distribution would hold against giving this packer the order. The person
 * may go ahead anyway (the order then stays, see `assigned_by_hand` on the server); the
 * dialog only says so. Same rules as the server's eligibility: an empty schedule is always on.
 */
export function packerWarnings(
  packer: Packer,
  order: { store: { id: number } | null },
  timeZone: string,
  now = new Date(),
): PackerWarning[] {
  const out: PackerWarning[] = [];
  const empty = WEEKDAYS.every((d) => packer.shifts[d].length === 0);
  if (!empty) {
    const { day, minutes } = localNow(now, timeZone);
    const on = packer.shifts[day].some(
      (iv) => minutes >= toMinutes(iv.start) && minutes < toMinutes(iv.end),
    );
    if (!on) out.push('offShift');
  }
  if (packer.max_open_orders !== null && packer.open_orders >= packer.max_open_orders)
    out.push('overLimit');
  if (
    order.store !== null &&
    packer.allowed_store_ids.length > 0 &&
    !packer.allowed_store_ids.includes(order.store.id)
  )
    out.push('storeNotAllowed');
  return out;
}

/** How far back a first sync may go, in days (the server's bounds). */
export const FIRST_SYNC_DAYS = { min: 1, max: 3650 };

export const validFirstSyncDays = (v: number | string): v is number =>
  typeof v === 'number' &&
  Number.isInteger(v) &&
  v >= FIRST_SYNC_DAYS.min &&
  v <= FIRST_SYNC_DAYS.max;

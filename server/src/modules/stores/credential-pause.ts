import { sql } from 'kysely';

/**
 * Counts a credential refusal (401/403) of the store, in the statement that records it: the
 * count grows while the store's last error stays `credentials_rejected` (any success or other
 * error starts it afresh) and the store is paused when it reaches `pauseAfter`.
 */
export function rejectionColumns(code: string, pauseAfter: number, now: number) {
  const rejected = code === 'credentials_rejected';
  const count = sql<number>`CASE WHEN last_error_code = 'credentials_rejected'
    THEN credential_rejections + 1 ELSE 1 END`;
  const pauses = sql<boolean>`paused_at IS NULL AND ${count} >= ${pauseAfter}`;
  return rejected
    ? {
        credential_rejections: count,
        paused_at: sql<number | null>`CASE WHEN ${pauses} THEN ${now} ELSE paused_at END`,
        paused_reason: sql<
          string | null
        >`CASE WHEN ${pauses} THEN 'credentials_rejected' ELSE paused_reason END`,
      }
    : { credential_rejections: 0 };
}

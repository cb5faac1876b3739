/**
 * Write-back jobs are retried until they land or the store is removed: their backoff is
 * capped at an hour (jobs/backoff.ts), so this many attempts is years of hourly tries —
 * in practice never dead for a transient or credential failure (issue 11).
 */
export const PUSH_MAX_ATTEMPTS = 100_000;

import { type RawBuilder, sql } from 'kysely';

/**
 * A column the planner must not pick an index for, written `+column` (valid on both
 * dialects, same value). For lookups by primary key with the account scope beside them,
 * `account_id = ? AND id IN (…)`: without statistics SQLite takes an index starting with
 * account_id and walks every order of the account (all of them, for a one-shop install) to
 * find the few asked for, which made each page of a first sync slower than the last. The
 * scope still applies; it is checked on the rows fetched by id.
 */
export function notIndexed(column: string): RawBuilder<number> {
  return sql<number>`+${sql.ref(column)}`;
}

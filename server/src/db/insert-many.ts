import { type Insertable, type Kysely, type Transaction, sql } from 'kysely';
import type { Dialect } from './database.js';
import type { DB } from './schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** On a conflict on `key`, these columns take the incoming row's values. */
export interface Upsert {
  key: string;
  update: string[];
}

/**
 * Many rows into one table. SQLite: one short statement per shape of row that reads every row
 * from a single JSON parameter (`json_each`); a multi-row VALUES list of hundreds of rows
 * cost more to build and prepare (Kysely, per page of a sync) than to run. PostgreSQL:
 * multi-row VALUES, 200 rows per statement. Rows are grouped by their set of columns, so a
 * column a row leaves out keeps its default.
 */
export async function insertMany<T extends keyof DB>(
  db: Db,
  dialect: Dialect,
  table: T,
  rows: readonly Insertable<DB[T]>[],
  upsert?: Upsert,
): Promise<void> {
  const shapes = new Map<string, { columns: string[]; rows: Insertable<DB[T]>[] }>();
  for (const row of rows) {
    const columns = Object.keys(row);
    const key = columns.join(',');
    let shape = shapes.get(key);
    if (!shape) shapes.set(key, (shape = { columns, rows: [] }));
    shape.rows.push(row);
  }
  for (const { columns, rows: group } of shapes.values()) {
    if (dialect === 'sqlite') await insertFromJson(db, table, columns, group, upsert);
    else await insertValues(db, table, columns, group, upsert);
  }
}

/** `ON CONFLICT … DO UPDATE SET c = excluded.c, …`, the same on both dialects. */
function conflictClause(upsert: Upsert) {
  return sql`ON CONFLICT (${sql.ref(upsert.key)}) DO UPDATE SET ${sql.join(
    upsert.update.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`),
  )}`;
}

async function insertFromJson(
  db: Db,
  table: string,
  columns: string[],
  rows: readonly object[],
  upsert: Upsert | undefined,
): Promise<void> {
  // Column names come from this code's own row objects, never from input.
  const list = sql.join(columns.map((c) => sql.ref(c)));
  const values = sql.join(columns.map((c) => sql`value ->> ${sql.lit(`$."${c}"`)}`));
  // `WHERE true` tells SQLite's parser that ON CONFLICT is the upsert clause, not a join's.
  const conflict = upsert ? sql` WHERE true ${conflictClause(upsert)}` : sql``;
  await sql`INSERT INTO ${sql.table(table)} (${list}) SELECT ${values} FROM json_each(${JSON.stringify(rows)})${conflict}`.execute(
    db,
  );
}

async function insertValues(
  db: Db,
  table: string,
  columns: string[],
  rows: readonly object[],
  upsert: Upsert | undefined,
): Promise<void> {
  const list = sql.join(columns.map((c) => sql.ref(c)));
  const conflict = upsert ? sql` ${conflictClause(upsert)}` : sql``;
  for (let i = 0; i < rows.length; i += 200) {
    const tuples = rows
      .slice(i, i + 200)
      .map((r) => sql`(${sql.join(columns.map((c) => (r as Record<string, unknown>)[c]))})`);
    await sql`INSERT INTO ${sql.table(table)} (${list}) VALUES ${sql.join(tuples)}${conflict}`.execute(
      db,
    );
  }
}

import { CompiledQuery, type Insertable, type Kysely, type Transaction, sql } from 'kysely';
import type { Dialect } from './database.js';
import type { DB } from './schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** On a conflict on `key`, these columns take the incoming row's values. */
export interface Upsert {
  key: string;
  update: string[];
}

/**
 * Many rows into one table, as multi-row VALUES. SQLite: the SQL text is written here (Kysely
 * building a statement of hundreds of values cost more than running it), in chunks of a
 * power of two rows, so that the few texts are prepared once and kept by the connection's
 * statement cache. PostgreSQL: through Kysely, 200 rows per statement. Rows are grouped by
 * their set of columns, so a column a row leaves out keeps its default.
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
    if (dialect === 'sqlite') await insertSqliteChunks(db, table, columns, group, upsert);
    else await insertValues(db, table, columns, group, upsert);
  }
}

/** `ON CONFLICT … DO UPDATE SET c = excluded.c, …` (PostgreSQL; SQLite's is written as text). */
function conflictClause(upsert: Upsert) {
  return sql`ON CONFLICT (${sql.ref(upsert.key)}) DO UPDATE SET ${sql.join(
    upsert.update.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`),
  )}`;
}

/** Names written into the SQL text: this code's own column and table names, checked anyway. */
const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain SQL name: ${name}`);
  return `"${name}"`;
};

/** SQLite's default limit of bound parameters in one statement. */
const SQLITE_MAX_PARAMS = 32_766;

async function insertSqliteChunks(
  db: Db,
  table: string,
  columns: string[],
  rows: readonly object[],
  upsert: Upsert | undefined,
): Promise<void> {
  const head = `INSERT INTO ${ident(table)} (${columns.map(ident).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const conflict = upsert
    ? ` ON CONFLICT (${ident(upsert.key)}) DO UPDATE SET ${upsert.update.map((c) => `${ident(c)} = excluded.${ident(c)}`).join(', ')}`
    : '';
  let most = 256;
  while (most > 1 && most * columns.length > SQLITE_MAX_PARAMS) most /= 2;
  for (let i = 0; i < rows.length;) {
    // Chunks of a power of two rows: few statement texts, each prepared once and kept.
    let n = most;
    while (n > rows.length - i) n /= 2;
    const params: unknown[] = [];
    for (let k = i; k < i + n; k++) {
      const row = rows[k] as Record<string, unknown>;
      for (const c of columns) params.push(row[c]);
    }
    await db.executeQuery(
      CompiledQuery.raw(head + Array(n).fill(tuple).join(', ') + conflict, params),
    );
    i += n;
  }
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

import { type AnyDb, notNull } from './helpers.js';

/**
 * A penalty's photo: one file under DATA_DIR/penalty-photos named by the server (never by the
 * uploader). Kept apart from `penalties` so that row stays write-once.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('penalty_photos')
    .addColumn('penalty_id', 'bigint', (c) =>
      c.primaryKey().references('penalties.id').onDelete('cascade'),
    )
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('file', 'text', notNull)
    .addColumn('mime', 'text', notNull)
    .addColumn('size', 'integer', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .execute();
}

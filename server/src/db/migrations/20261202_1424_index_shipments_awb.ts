import type { AnyDb } from './helpers.js';

/** Settlement lines name AWBs: matching them to shipments looks shipments up by AWB. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('shipments_account_awb')
    .on('shipments')
    .columns(['account_id', 'awb'])
    .execute();
}

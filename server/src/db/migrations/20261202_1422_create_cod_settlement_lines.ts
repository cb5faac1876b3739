import { type AnyDb, emptyText, notNull, withId } from './helpers.js';

/**
 * One amount a courier paid out (or reports collected) for an AWB. The unique key
 * (account, courier, AWB, reference) is what makes importing the same settlement twice count
 * the money once; `shipment_id` is the shipment the AWB matched, or null (reported unmatched,
 * matched again on later imports).
 */
export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('cod_settlement_lines'))
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('import_id', 'bigint', notNull)
    .addColumn('courier', 'text', notNull)
    .addColumn('awb', 'text', notNull)
    .addColumn('amount_minor', 'bigint', notNull)
    .addColumn('currency', 'text', notNull)
    .addColumn('paid_at', 'bigint')
    .addColumn('reference', 'text', emptyText)
    .addColumn('shipment_id', 'bigint')
    .addColumn('created_at', 'bigint', notNull)
    .execute();
  await db.schema
    .createIndex('cod_settlement_lines_key')
    .on('cod_settlement_lines')
    .columns(['account_id', 'courier', 'awb', 'reference'])
    .unique()
    .execute();
  await db.schema
    .createIndex('cod_settlement_lines_shipment')
    .on('cod_settlement_lines')
    .columns(['account_id', 'shipment_id'])
    .execute();
  await db.schema
    .createIndex('cod_settlement_lines_paid')
    .on('cod_settlement_lines')
    .columns(['account_id', 'paid_at'])
    .execute();
}

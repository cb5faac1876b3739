import { type AnyDb, notNull } from './helpers.js';

/**
 * Per account: the daily summary e-mail sent through the owner's own SMTP server. The password
 * is sealed by the vault (never stored in clear); `recipients` is a JSON list of addresses;
 * `last_sent_day` is the local day whose summary the SMTP server last accepted (sent once).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('report_mail_settings')
    .addColumn('account_id', 'bigint', (c) => c.primaryKey())
    .addColumn('enabled', 'integer', notNull)
    .addColumn('smtp_host', 'text', notNull)
    .addColumn('smtp_port', 'integer', notNull)
    .addColumn('security', 'text', notNull)
    .addColumn('username', 'text', notNull)
    .addColumn('password_sealed', 'text')
    .addColumn('from_address', 'text', notNull)
    .addColumn('recipients', 'text', notNull)
    .addColumn('send_hour', 'integer', notNull)
    .addColumn('language', 'text', notNull)
    .addColumn('last_sent_day', 'text')
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
}

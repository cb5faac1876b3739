import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { parseJsonColumn } from '../../shared/json.js';
import type { Vault } from '../stores/vault.js';
import type { CourierContext } from './couriers/courier.js';

/**
 * An account's logins at couriers. Credentials are sealed by the vault on the way in and
 * opened only to build a courier's context; the API lists accounts without them.
 */
export class CourierAccounts {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly vault: Vault,
  ) {}

  async list(accountId: number) {
    return this.db
      .selectFrom('courier_accounts')
      .select(['id', 'courier', 'name', 'created_at', 'updated_at'])
      .where('account_id', '=', accountId)
      .orderBy('id')
      .execute();
  }

  async add(
    accountId: number,
    input: { courier: string; name: string; credentials: Record<string, string> },
  ): Promise<number> {
    const now = Date.now();
    const row = await this.db
      .insertInto('courier_accounts')
      .values({
        account_id: accountId,
        courier: input.courier,
        name: input.name,
        credentials: this.vault.seal(JSON.stringify(input.credentials)),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** True when a row of this account was removed. */
  async remove(accountId: number, id: number): Promise<boolean> {
    const r = await this.db
      .deleteFrom('courier_accounts')
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  /** The context a courier call runs with: the account's first login at that courier, opened. */
  async contextOf(accountId: number, courier: string): Promise<CourierContext> {
    const row = await this.db
      .selectFrom('courier_accounts')
      .select('credentials')
      .where('account_id', '=', accountId)
      .where('courier', '=', courier)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    const credentials = row
      ? parseJsonColumn<Record<string, string> | null>(this.vault.open(row.credentials), null)
      : null;
    return { accountId, credentials, options: {} };
  }
}

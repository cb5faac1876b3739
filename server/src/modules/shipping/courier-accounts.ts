import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { parseJsonColumn } from '../../shared/json.js';
import type { Vault } from '../stores/vault.js';
import type { CourierContext } from './couriers/courier.js';

export interface CourierAccountInput {
  courier: string;
  name: string;
  credentials: Record<string, string>;
  options?: Record<string, string> | undefined;
}

export interface CourierAccountEdit {
  name?: string | undefined;
  /** Fields left empty keep the stored secret (the dashboard never has it to send back). */
  credentials?: Record<string, string> | undefined;
  /** Replaces the stored choices when given. */
  options?: Record<string, string> | undefined;
}

/**
 * An account's logins at couriers. Credentials are sealed by the vault on the way in and
 * opened only to build a courier's context; the API lists accounts without them. The
 * non-secret choices (options) are plain JSON, shown and edited in the dashboard.
 */
export class CourierAccounts {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly vault: Vault,
  ) {}

  async list(accountId: number) {
    const rows = await this.db
      .selectFrom('courier_accounts')
      .select(['id', 'courier', 'name', 'options', 'credentials', 'created_at', 'updated_at'])
      .where('account_id', '=', accountId)
      .orderBy('id')
      .execute();
    return rows.map(({ credentials, options, ...r }) => ({
      ...r,
      options: parseJsonColumn<Record<string, string>>(options, {}),
      // Which fields hold a value, so the form can say "stored" without the secret itself.
      credential_keys: Object.keys(this.openCredentials(credentials) ?? {}).sort(),
    }));
  }

  async add(accountId: number, input: CourierAccountInput): Promise<number> {
    const now = Date.now();
    const row = await this.db
      .insertInto('courier_accounts')
      .values({
        account_id: accountId,
        courier: input.courier,
        name: input.name,
        credentials: this.vault.seal(JSON.stringify(input.credentials)),
        options: JSON.stringify(input.options ?? {}),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** True when a row of this account was changed. */
  async edit(accountId: number, id: number, edit: CourierAccountEdit): Promise<boolean> {
    const row = await this.db
      .selectFrom('courier_accounts')
      .select('credentials')
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return false;
    let credentials: string | undefined;
    if (edit.credentials) {
      const merged = { ...(this.openCredentials(row.credentials) ?? {}) };
      for (const [k, v] of Object.entries(edit.credentials)) if (v !== '') merged[k] = v;
      credentials = this.vault.seal(JSON.stringify(merged));
    }
    await this.db
      .updateTable('courier_accounts')
      .set({
        ...(edit.name !== undefined && { name: edit.name }),
        ...(credentials !== undefined && { credentials }),
        ...(edit.options !== undefined && { options: JSON.stringify(edit.options) }),
        updated_at: Date.now(),
      })
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .execute();
    return true;
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
      .select(['credentials', 'options'])
      .where('account_id', '=', accountId)
      .where('courier', '=', courier)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return this.contextFromRow(accountId, row);
  }

  /** One login's courier and context (Test connection runs with the login being edited). */
  async contextById(
    accountId: number,
    id: number,
  ): Promise<{ courier: string; ctx: CourierContext } | null> {
    const row = await this.db
      .selectFrom('courier_accounts')
      .select(['courier', 'credentials', 'options'])
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? { courier: row.courier, ctx: this.contextFromRow(accountId, row) } : null;
  }

  /** The couriers this account has a login at. */
  async couriersWithLogin(accountId: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('courier_accounts')
      .select('courier')
      .distinct()
      .where('account_id', '=', accountId)
      .execute();
    return rows.map((r) => r.courier).sort();
  }

  private contextFromRow(
    accountId: number,
    row: { credentials: string; options: string } | undefined,
  ): CourierContext {
    return {
      accountId,
      credentials: row ? this.openCredentials(row.credentials) : null,
      options: row ? parseJsonColumn<Record<string, string>>(row.options, {}) : {},
    };
  }

  private openCredentials(sealed: string): Record<string, string> | null {
    return parseJsonColumn<Record<string, string> | null>(this.vault.open(sealed), null);
  }
}

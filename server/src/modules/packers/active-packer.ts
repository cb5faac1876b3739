import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { Conflict, NotFound } from '../../shared/errors.js';

/**
 * The packer an order is about to be given to: of this account (404 otherwise, as for any
 * other account's id) and active (409). Shared by assignment by hand and reassignment.
 */
export async function requireActivePacker(
  db: Kysely<DB> | Transaction<DB>,
  accountId: number,
  packerId: number,
): Promise<{ id: number; name: string }> {
  const packer = await db
    .selectFrom('packers')
    .select(['id', 'name', 'active'])
    .where('account_id', '=', accountId)
    .where('id', '=', packerId)
    .executeTakeFirst();
  if (!packer) throw new NotFound('packer_not_found', `Packer ${packerId} not found.`);
  if (!packer.active) throw new Conflict('packer_inactive', `${packer.name} is deactivated.`);
  return { id: packer.id, name: packer.name };
}

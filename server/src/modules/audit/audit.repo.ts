import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { reasonColumns, type Reason } from '../../shared/reasons.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Who did something: a user (with a readable label kept as text) or the system. */
export interface Actor {
  userId: number | null;
  label: string;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' };

export interface AuditEntry {
  accountId: number;
  entity: 'order' | 'packer' | 'store' | 'account' | 'penalty';
  entityId: number;
  action: string;
  actor: Actor;
  from?: string | null;
  to?: string | null;
  reason?: Reason;
  at: number;
}

/** Appends to the audit trail; call it inside the transaction that makes the change. */
export async function recordAudit(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      account_id: e.accountId,
      entity: e.entity,
      entity_id: e.entityId,
      action: e.action,
      actor_user_id: e.actor.userId,
      actor_label: e.actor.label,
      from_value: e.from ?? null,
      to_value: e.to ?? null,
      ...reasonColumns(e.reason),
      created_at: e.at,
    })
    .execute();
}

export async function listAudit(
  db: Db,
  accountId: number,
  entity: AuditEntry['entity'],
  entityId: number,
  limit = 500,
) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { reason, type Reason } from '../../shared/reasons.js';
import { SYSTEM_ACTOR, recordAudit } from '../audit/audit.repo.js';
import type { EventBus } from '../events/event-bus.js';
import { publishPenalties } from './ledger.js';
import * as repo from './penalties.repo.js';
import type { DefaultTypeCode, PenaltyEventKind, PenaltyRule } from './penalties.schema.js';
import { type PenaltySettings, readPenaltySettings } from './penalty-settings.js';

type Db = Kysely<DB> | Transaction<DB>;

/** One automatic rule: whether the owner has it on, and the default type it proposes. */
interface RuleSpec {
  enabled(s: PenaltySettings): boolean;
}

/** The rules, one typed registry (the settings page switches each one). */
export const RULES: Record<PenaltyRule, RuleSpec> = {
  /** A wrong-item or too-many scan at the station (per mismatch or once per order). */
  scan_mismatch: { enabled: (s) => s.rules.scan_mismatch.enabled },
  /** Confirmed and not packed within the store's working hours (late-packing.ts). */
  late_packing: { enabled: (s) => s.rules.late_packing.enabled },
  /** A return or complaint marked as a packing error on the order. */
  packing_error: { enabled: (s) => s.rules.packing_error.enabled },
  /** An AWB cancelled because of a packing error. */
  awb_cancelled: { enabled: (s) => s.rules.awb_cancelled_packing_error.enabled },
};

export interface Proposal {
  accountId: number;
  packerId: number;
  orderId: number | null;
  rule: PenaltyRule;
  typeCode: DefaultTypeCode;
  /** A type the person chose instead of the rule's default (packing-error marks). */
  typeId?: number;
  event: { kind: PenaltyEventKind; id: number };
  /**
   * What makes this proposal the only one for its event; the unique index on it turns a
   * second, concurrent or retried proposal into nothing.
   */
  key: string;
  reason: Reason;
  note?: string;
  at: number;
  /** Settings already read by the caller (the job reads them once per account). */
  settings?: PenaltySettings;
}

/**
 * Proposes a penalty from a rule, inside the transaction of the event that triggered it.
 * Answers the new penalty's id, or null when the rule is off, the type is missing or
 * switched off, or this event already proposed one. Never applies: an owner decides.
 */
export async function propose(trx: Db, events: EventBus, p: Proposal): Promise<number | null> {
  const settings = p.settings ?? (await readPenaltySettings(trx, p.accountId));
  if (!RULES[p.rule].enabled(settings)) return null;
  const type =
    p.typeId !== undefined
      ? await repo.findType(trx, p.accountId, p.typeId)
      : await repo.findTypeByCode(trx, p.accountId, p.typeCode);
  if (!type || type.active !== 1) return null;
  const account = await repo.accountOf(trx, p.accountId);
  const id = await repo.insertPenalty(trx, {
    account_id: p.accountId,
    packer_id: p.packerId,
    order_id: p.orderId,
    type_id: type.id,
    amount_minor: type.default_amount_minor,
    currency: account.currency,
    note: p.note ?? '',
    rule: p.rule,
    event_kind: p.event.kind,
    event_id: p.event.id,
    rule_key: `${p.rule}:${p.key}`,
    created_by_user_id: null,
    created_by_label: null,
    created_at: p.at,
  });
  if (id === null) return null;
  await repo.insertEntry(trx, {
    account_id: p.accountId,
    penalty_id: id,
    seq: 1,
    state: 'proposed',
    reason_code: p.reason.code,
    reason_params: JSON.stringify(p.reason.params),
    comment: null,
    actor_user_id: null,
    actor_label: SYSTEM_ACTOR.label,
    actor_role: 'system',
    created_at: p.at,
  });
  await recordAudit(trx, {
    accountId: p.accountId,
    entity: 'penalty',
    entityId: id,
    action: 'proposed',
    actor: SYSTEM_ACTOR,
    to: 'proposed',
    reason: p.reason,
    at: p.at,
  });
  await publishPenalties(trx, events, p.accountId, [id], [p.packerId]);
  return id;
}

export interface MismatchEvent {
  accountId: number;
  orderId: number;
  packerId: number | null;
  mismatchId: number;
  kind: 'wrong_item' | 'too_many';
  code: string;
  at: number;
}

/** The scan rule: called by the station in the scan's transaction, after the mismatch row. */
export async function onScanMismatch(
  trx: Db,
  events: EventBus,
  m: MismatchEvent,
): Promise<number | null> {
  if (m.packerId === null) return null;
  const settings = await readPenaltySettings(trx, m.accountId);
  const perOrder = settings.rules.scan_mismatch.mode === 'per_order';
  return propose(trx, events, {
    accountId: m.accountId,
    packerId: m.packerId,
    orderId: m.orderId,
    rule: 'scan_mismatch',
    typeCode: m.kind === 'wrong_item' ? 'wrong_item' : 'wrong_quantity',
    event: { kind: 'scan_mismatch', id: m.mismatchId },
    // Per order: the order's first wrong scan proposes, the later ones meet this key.
    key: perOrder ? `order:${m.orderId}` : `mismatch:${m.mismatchId}`,
    reason: reason('rule_scan_mismatch', { code: m.code.slice(0, 80) }),
    at: m.at,
    settings,
  });
}

export interface CancelledAwb {
  accountId: number;
  shipmentId: number;
  orderId: number;
  packerId: number | null;
  awb: string;
  at: number;
}

/** The AWB rule: called by shipping in the cancel's transaction when the shop says so. */
export async function onAwbCancelledForPackingError(
  trx: Db,
  events: EventBus,
  c: CancelledAwb,
): Promise<number | null> {
  if (c.packerId === null) return null;
  return propose(trx, events, {
    accountId: c.accountId,
    packerId: c.packerId,
    orderId: c.orderId,
    rule: 'awb_cancelled',
    typeCode: 'wrong_label',
    event: { kind: 'shipment_cancelled', id: c.shipmentId },
    key: `shipment:${c.shipmentId}`,
    reason: reason('rule_awb_cancelled', { awb: c.awb }),
    at: c.at,
  });
}

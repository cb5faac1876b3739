import type { Insertable } from 'kysely';
import type { DB, OrderStatus } from '../../db/schema.js';
import { handReason, reason, reasonColumns, type Reason } from '../../shared/reasons.js';
import type { NewAddress, NewItem } from '../../modules/orders/orders.repo.js';
import type { Random } from '../random.js';
import type { ShiftCalendar } from './calendar.js';

type Row<T extends keyof DB> = Insertable<DB[T]>;

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** One packer as the generator sees it. */
export interface HistoryPacker {
  id: number;
  userId: number;
  name: string;
  weight: number;
  /** Which shift group: distribution hands an order to a packer of a group at work first. */
  group: number;
  calendar: ShiftCalendar;
}

/** The five couriers of the Romanian market with a shop's typical shares. */
export const COURIERS: readonly [string, number, string][] = [
  ['sameday', 0.3, 'SD'],
  ['fan', 0.25, '20'],
  ['cargus', 0.2, '11'],
  ['dpd', 0.15, '80'],
  ['gls', 0.1, '63'],
];

/** Every row one batch writes, per table, and the next free ids of the tables rows point at. */
export class Batch {
  orders: Row<'orders'>[] = [];
  items: Row<'order_items'>[] = [];
  addresses: Row<'order_addresses'>[] = [];
  assignments: Row<'assignments'>[] = [];
  audits: Row<'audit_events'>[] = [];
  shipments: Row<'shipments'>[] = [];
  events: Row<'shipment_events'>[] = [];
  mismatches: Row<'scan_mismatches'>[] = [];
  penalties: Row<'penalties'>[] = [];
  entries: Row<'penalty_entries'>[] = [];
  imports: Row<'cod_imports'>[] = [];
  lines: Row<'cod_settlement_lines'>[] = [];
}

export interface Ids {
  order: number;
  item: number;
  shipment: number;
  mismatch: number;
  penalty: number;
  codImport: number;
}

/** What the whole history shares: the account, who works, what now is. */
export interface HistoryWorld {
  accountId: number;
  currency: string;
  now: number;
  owner: { userId: number | null; label: string };
  packers: HistoryPacker[];
  /** Penalty type ids and amounts by code (wrong_item, wrong_quantity). */
  types: Record<'wrong_item' | 'wrong_quantity', { id: number; amount: number }>;
  ids: Ids;
  /** cod import id by `${courier}:${week}`; a courier pays once a week. */
  codImports: Map<string, number>;
}

/** An exponential wait in whole minutes with this mean, capped. */
function minutes(rnd: Random, mean: number, min: number, max: number): number {
  const m = Math.floor(-Math.log(1 - rnd.next()) * mean);
  return Math.min(max, Math.max(min, m));
}

function token(rnd: Random): string {
  const bytes = Buffer.alloc(16);
  for (let i = 0; i < 4; i++) bytes.writeUInt32LE(Math.floor(rnd.next() * 2 ** 32), i * 4);
  return bytes.toString('base64url');
}

/**
 * Distribution hands a new order to a packer at work: the shift groups at work soonest after
 * the order came (within an hour and a half of the first) are candidates, a packer is drawn
 * among them by weight.
 */
function pickPacker(rnd: Random, w: HistoryWorld, at: number): { p: HistoryPacker; at: number } {
  const soonest = new Map<number, number>();
  for (const p of w.packers)
    if (!soonest.has(p.group)) soonest.set(p.group, p.calendar.nextWorking(at));
  const first = Math.min(...soonest.values());
  const candidates = w.packers.filter(
    (p) => (soonest.get(p.group) ?? Infinity) <= first + 90 * MIN,
  );
  const p = rnd.weighted(candidates, (c) => c.weight);
  return { p, at: p.calendar.nextWorking(at) };
}

/**
 * Writes one order's life into `b` as the real write paths would have: the order row in its
 * state at `now`, its assignments, the audit trail of every transition, AWBs and tracking
 * events, scan mismatches with the penalties they proposed, COD paid out. Events later than
 * `now` do not happen. `order`, `items`, `addresses` come from the Romanian order generator.
 */
export function writeOrderHistory(
  rnd: Random,
  w: HistoryWorld,
  b: Batch,
  order: Row<'orders'>,
  items: NewItem[],
  addresses: NewAddress[],
): void {
  const accountId = w.accountId;
  const now = w.now;
  const id = w.ids.order++;
  const c = order.created_at;
  let status: OrderStatus = 'new';
  let last = c;
  const audit = (
    at: number,
    action: string,
    actor: { userId: number | null; label: string },
    from: string | null,
    to: string | null,
    why: Reason | null,
    entity = 'order',
    entityId = id,
  ) => {
    b.audits.push({
      account_id: accountId,
      entity,
      entity_id: entityId,
      action,
      actor_user_id: actor.userId,
      actor_label: actor.label,
      from_value: from,
      to_value: to,
      ...reasonColumns(why),
      created_at: at,
    });
    if (entity === 'order') last = Math.max(last, at);
  };
  const sync = { userId: null, label: 'store sync' };
  const itemRows = items.map((i) => ({
    ...i,
    id: w.ids.item++,
    order_id: id,
    account_id: accountId,
  }));
  const finish = (extra: Partial<Row<'orders'>>) => {
    b.orders.push({ ...order, id, status, updated_at: last, ...extra });
    b.items.push(...itemRows);
    for (const a of addresses) b.addresses.push({ ...a, order_id: id, account_id: accountId });
  };
  audit(
    c,
    'created',
    sync,
    null,
    'new',
    reason('synced_from_store', { store_status: 'processing' }),
  );

  // The customer cancels a few before anyone packs them (the store tells us on the next sync).
  if (rnd.next() < 0.03) {
    const x = c + rnd.int(10, 240) * MIN;
    if (x > now) return finish({});
    audit(x, 'store_status_changed', sync, 'processing', 'cancelled', null);
    status = 'cancelled';
    audit(x, 'status_changed', sync, 'new', 'cancelled', null);
    return finish({ store_status: 'cancelled' });
  }

  const first = pickPacker(rnd, w, c + rnd.int(1, 4) * MIN + rnd.int(0, 59_999));
  if (first.at > now) return finish({});
  let packer = first.p;
  const assignedAt = first.at;
  const share = Math.round((100 * packer.weight) / w.packers.reduce((s, p) => s + p.weight, 0));
  const why = reason('weighted', { share, weight: packer.weight, total: 100 });
  const dist = { userId: null, label: 'distribution' };
  let current: Row<'assignments'> = {
    account_id: accountId,
    order_id: id,
    packer_id: packer.id,
    assigned_at: assignedAt,
    confirmed_at: null,
    ended_at: null,
    assigned_by: null,
    ...reasonColumns(why),
    override: 0,
  };
  b.assignments.push(current);
  audit(assignedAt, 'assigned', dist, null, packer.name, why);
  status = 'assigned';
  const orderPacker = () => ({
    packer_id: packer.id,
    assigned_at: current.assigned_at,
    confirmed_at: current.confirmed_at ?? null,
    assigned_by_hand: current.override ? 1 : 0,
  });

  // Confirm: 0–180 minutes of shift time after the assignment.
  const confirmWork = minutes(rnd, 25, 0, 179) * MIN + rnd.int(0, 59_999);
  const confirmedAt = packer.calendar.advance(assignedAt, confirmWork);
  if (confirmedAt > now) return finish(orderPacker());
  current.confirmed_at = confirmedAt;
  current.confirm_work_ms = confirmWork;
  audit(
    confirmedAt,
    'confirmed',
    { userId: packer.userId, label: packer.name },
    'assigned',
    'confirmed',
    null,
  );
  status = 'confirmed';

  // A few confirmed orders are moved by the owner (override): the new packer holds it locked.
  let packFrom = confirmedAt;
  if (rnd.next() < 0.005) {
    const at = confirmedAt + rnd.int(2, 30) * MIN;
    if (at > now) return finish(orderPacker());
    const others = w.packers.filter((p) => p.id !== packer.id);
    const next = rnd.weighted(others, (p) => p.weight);
    current.ended_at = at;
    const hand = handReason('Reechilibrare coadă');
    current = {
      account_id: accountId,
      order_id: id,
      packer_id: next.id,
      assigned_at: at,
      confirmed_at: at,
      ended_at: null,
      assigned_by: w.owner.userId,
      ...reasonColumns(hand),
      override: 1,
      confirm_work_ms: 0,
    };
    b.assignments.push(current);
    audit(at, 'override', w.owner, packer.name, next.name, hand);
    packer = next;
    packFrom = packer.calendar.nextWorking(at);
  }

  // Pack: 1–60 minutes of shift time after the confirmation; ~3% see a wrong scan on the way.
  const packWork = minutes(rnd, 9, 1, 59) * MIN + rnd.int(0, 59_999);
  const packedAt = packer.calendar.advance(packFrom, packWork);
  if (rnd.next() < 0.03)
    mismatch(
      rnd,
      w,
      b,
      id,
      packer,
      itemRows,
      packer.calendar.advance(packFrom, Math.floor(packWork * rnd.next())),
    );
  if (packedAt > now) return finish(orderPacker());
  current.packed_at = packedAt;
  current.pack_work_ms = packer.calendar.workBetween(current.confirmed_at ?? packFrom, packedAt);
  audit(
    packedAt,
    'packed',
    { userId: packer.userId, label: packer.name },
    'confirmed',
    'packed',
    reason('all_items_scanned'),
  );
  status = 'packed';
  for (const i of itemRows) i.scanned_quantity = i.quantity;

  // The AWB is made at packing; a few are cancelled by the shop and made again.
  const [courier, , prefix] = rnd.weighted(COURIERS, (x) => x[1]);
  const ship = (attempt: number, at: number): Row<'shipments'> & { id: number } => {
    const sid = w.ids.shipment++;
    const awb = `${prefix}${String(sid).padStart(9, '0')}`;
    const row = {
      id: sid,
      account_id: accountId,
      order_id: id,
      store_id: order.store_id ?? null,
      courier,
      service: 'standard',
      attempt,
      idempotency_key: `${id}-${attempt}`,
      phase: 'made' as const,
      claim_until: null,
      awb,
      status: 'created',
      // Random like the real one, and unique across accounts seeded with the same seed.
      tracking_token: `${token(rnd)}${sid.toString(36)}`,
      tracking_url: null,
      currency: w.currency,
      cod_minor: order.is_cod ? order.total_minor : null,
      declared_value_minor: order.total_minor,
      parcels: 1,
      weight_grams: items.reduce((s, i) => s + (i.weight_grams ?? 0) * i.quantity, 0),
      sender: '{}',
      recipient: JSON.stringify({ name: order.customer_name, city: order.shipping_city }),
      reason_code: 'shipping_default',
      reason_params: '{}',
      order_status_before: 'packed' as const,
      next_track_at: at + 2 * HOUR,
      created_by: packer.name,
      created_at: at,
      updated_at: at,
    };
    b.shipments.push(row);
    event(row, 'created', 'AWB', awb, at);
    audit(
      at,
      'shipped',
      { userId: packer.userId, label: packer.name },
      'packed',
      'shipped',
      reason('awb_made', { awb }),
    );
    status = 'shipped';
    return row;
  };
  const event = (
    s: Row<'shipments'> & { id: number },
    st: string,
    code: string,
    text: string,
    at: number,
  ) => {
    b.events.push({
      account_id: accountId,
      shipment_id: s.id,
      status: st,
      courier_code: code,
      courier_text: text,
      actor_label: 'tracking',
      occurred_at: at,
      created_at: at,
    });
    s.status = st;
    s.updated_at = at;
    s.next_track_at = ['delivered', 'returned', 'cancelled'].includes(st) ? null : at + 2 * HOUR;
  };
  const tracking = { userId: null, label: 'tracking' };
  let shipAt = packedAt + rnd.int(5_000, 120_000);
  if (shipAt > now) return finish(orderPacker());
  let s = ship(1, shipAt);
  if (rnd.next() < 0.015) {
    const cx = shipAt + rnd.int(10, 180) * MIN;
    if (cx > now) return finish(orderPacker());
    s.phase = 'cancelled';
    event(s, 'cancelled', 'CANCELLED', '', cx);
    audit(
      cx,
      'shipment_status',
      w.owner,
      'shipped',
      'packed',
      reason('awb_tracking', { awb: s.awb ?? '' }),
    );
    status = 'packed';
    shipAt = cx + rnd.int(5, 60) * MIN;
    if (shipAt > now) return finish(orderPacker());
    s = ship(2, shipAt);
  }

  // The courier: in transit the next day, then delivered (most) or refused and sent back.
  const transit = shipAt + rnd.int(10, 30) * HOUR;
  if (transit > now) return finish(orderPacker());
  event(s, 'in_transit', 'TRANSIT', 'În tranzit', transit);
  const delivered = rnd.next() < 0.93;
  if (delivered) {
    const at = transit + rnd.int(4, 48) * HOUR + rnd.int(0, 59) * MIN;
    const seen = at + rnd.int(1, 30) * MIN;
    if (seen > now) return finish(orderPacker());
    event(s, 'delivered', 'DELIVERED', 'Livrat', at);
    audit(
      seen,
      'shipment_status',
      tracking,
      'shipped',
      'delivered',
      reason('awb_tracking', { awb: s.awb ?? '' }),
    );
    status = 'delivered';
    if (s.cod_minor) payCod(rnd, w, b, s, at);
    return finish({ ...orderPacker(), store_status: 'completed', paid: 1 });
  }
  const refused = transit + rnd.int(24, 72) * HOUR;
  if (refused > now) return finish(orderPacker());
  event(s, 'refused', 'REFUSED', 'Refuzat la livrare', refused);
  const back = refused + rnd.int(2, 7) * DAY;
  const seen = back + rnd.int(1, 30) * MIN;
  if (seen > now) return finish(orderPacker());
  event(s, 'returned', 'RETURNED', 'Returnat expeditorului', back);
  audit(
    seen,
    'shipment_status',
    tracking,
    'shipped',
    'returned',
    reason('awb_tracking', { awb: s.awb ?? '' }),
  );
  status = 'returned';
  return finish(orderPacker());

  function mismatch(
    rnd: Random,
    w: HistoryWorld,
    b: Batch,
    orderId: number,
    p: HistoryPacker,
    lines: Row<'order_items'>[],
    at: number,
  ): void {
    if (at > w.now) return;
    const wrong = rnd.next() < 0.7;
    const line = lines[0];
    const code = wrong || !line ? `594${rnd.int(1_000_000_000, 9_999_999_999)}` : line.sku;
    const mid = w.ids.mismatch++;
    b.mismatches.push({
      id: mid,
      account_id: w.accountId,
      order_id: orderId,
      packer_id: p.id,
      order_item_id: wrong ? null : (line?.id ?? null),
      code,
      kind: wrong ? 'wrong_item' : 'too_many',
      created_at: at,
    });
    const type = w.types[wrong ? 'wrong_item' : 'wrong_quantity'];
    const pid = w.ids.penalty++;
    b.penalties.push({
      id: pid,
      account_id: w.accountId,
      packer_id: p.id,
      order_id: orderId,
      type_id: type.id,
      amount_minor: type.amount,
      currency: w.currency,
      rule: 'scan_mismatch',
      event_kind: 'scan_mismatch',
      event_id: mid,
      rule_key: `scan_mismatch:order:${orderId}`,
      created_by_user_id: null,
      created_by_label: null,
      created_at: at,
    });
    const system: HistoryWorld['owner'] = { userId: null, label: 'system' };
    let seq = 0;
    const entry = (
      state: string,
      why: Reason | null,
      who: typeof system,
      role: string,
      t: number,
      from: string | null,
    ) => {
      b.entries.push({
        account_id: w.accountId,
        penalty_id: pid,
        seq: ++seq,
        state,
        ...reasonColumns(why),
        comment: null,
        actor_user_id: who.userId,
        actor_label: who.label,
        actor_role: role,
        created_at: t,
      });
      audit(t, state, who, from, state, why, 'penalty', pid);
    };
    entry(
      'proposed',
      reason('rule_scan_mismatch', { code: code.slice(0, 80) }),
      system,
      'system',
      at,
      null,
    );
    // The owner decides within two days: most applied or waived, some left waiting.
    const decided = at + rnd.int(2, 48) * HOUR;
    const r = rnd.next();
    if (decided > w.now || r >= 0.9) return;
    const state = r < 0.55 ? 'applied' : 'waived';
    entry(state, null, w.owner, 'owner', decided, 'proposed');
    const reversed = decided + rnd.int(1, 10) * DAY;
    if (state === 'applied' && rnd.next() < 0.06 && reversed <= w.now)
      entry('reversed', null, w.owner, 'owner', reversed, 'applied');
  }
}

/** A delivered COD parcel's money: the courier pays it out some days later, imported weekly. */
function payCod(
  rnd: Random,
  w: HistoryWorld,
  b: Batch,
  s: Row<'shipments'> & { id: number },
  deliveredAt: number,
): void {
  const paidAt = deliveredAt + rnd.int(3, 10) * DAY;
  const importedAt = paidAt + rnd.int(1, 30) * HOUR;
  if (importedAt > w.now) return;
  const week = Math.floor(importedAt / (7 * DAY));
  const key = `${s.courier}:${week}`;
  let importId = w.codImports.get(key);
  if (importId === undefined) {
    importId = w.ids.codImport++;
    w.codImports.set(key, importId);
    b.imports.push({
      id: importId,
      account_id: w.accountId,
      courier: s.courier,
      source: 'api',
      state: 'done',
      range_from: null,
      range_to: null,
      created_by: 'cod import',
      created_at: importedAt,
      finished_at: importedAt,
    });
  }
  b.lines.push({
    account_id: w.accountId,
    import_id: importId,
    courier: s.courier,
    awb: s.awb ?? '',
    amount_minor: s.cod_minor ?? 0,
    currency: w.currency,
    paid_at: paidAt,
    reference: `OP${week}`,
    shipment_id: s.id,
    created_at: importedAt,
  });
}

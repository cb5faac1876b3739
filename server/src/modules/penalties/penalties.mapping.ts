import { iso } from '../../shared/json.js';
import { reasonOf } from '../../shared/reasons.js';
import type { PenaltyRow } from './penalties.repo.js';
import {
  DEFAULT_TYPE_CODES,
  type DefaultTypeCode,
  PENALTY_EVENT_KINDS,
  PENALTY_RULES,
  type PenaltyEntryOut,
  type PenaltyEventKind,
  type PenaltyOut,
  type PenaltyRule,
  type PenaltyState,
  type PenaltyTypeOut,
} from './penalties.schema.js';

const isIn = <T extends string>(list: readonly T[], v: string | null): v is T =>
  v !== null && (list as readonly string[]).includes(v);

export function typeCodeOf(code: string | null): DefaultTypeCode | null {
  return isIn(DEFAULT_TYPE_CODES, code) ? code : null;
}

export function toTypeOut(t: {
  id: number;
  code: string | null;
  name: string | null;
  description: string;
  default_amount_minor: number;
  active: number;
}): PenaltyTypeOut {
  return {
    id: Number(t.id),
    code: typeCodeOf(t.code),
    name: t.name,
    description: t.description,
    default_amount_minor: Number(t.default_amount_minor),
    active: t.active === 1,
  };
}

export function toPenaltyOut(r: PenaltyRow): PenaltyOut {
  const rule: PenaltyRule | null = isIn(PENALTY_RULES, r.rule) ? r.rule : null;
  const kind: PenaltyEventKind | null = isIn(PENALTY_EVENT_KINDS, r.event_kind)
    ? r.event_kind
    : null;
  return {
    id: Number(r.id),
    packer_id: Number(r.packer_id),
    packer_name: r.packer_name,
    order_id: r.order_id === null ? null : Number(r.order_id),
    order_number: r.order_number,
    type_id: Number(r.type_id),
    type_code: typeCodeOf(r.type_code),
    type_name: r.type_name,
    amount_minor: Number(r.amount_minor),
    currency: r.currency,
    note: r.note,
    has_photo: r.photo_file !== null,
    state: (r.state ?? 'proposed') as PenaltyState,
    rule,
    event: kind && r.event_id !== null ? { kind, id: Number(r.event_id) } : null,
    created_at: iso(Number(r.created_at)),
    created_by_name: r.created_by_label,
  };
}

export function toEntryOut(e: {
  state: string;
  reason_code: string | null;
  reason_params: string | null;
  comment: string | null;
  actor_label: string | null;
  actor_role: string;
  created_at: number;
}): PenaltyEntryOut {
  return {
    state: e.state as PenaltyState,
    reason: reasonOf(e),
    comment: e.comment,
    actor_name: e.actor_label,
    actor_role: e.actor_role as PenaltyEntryOut['actor_role'],
    at: iso(Number(e.created_at)),
  };
}

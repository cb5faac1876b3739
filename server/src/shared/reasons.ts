/**
 * Why something happened to an order (a distribution decision, an assignment, a change-log
 * entry), stored as a stable code plus parameters and rendered by the dashboard in the
 * reader's language (`reasons.<code>` in web/src/i18n). The server never writes a sentence.
 *
 * A new code goes here first with its parameters; the OpenAPI document publishes the list as
 * an enum (ReasonCode), and a web test requires RO and EN text for each.
 */
export interface ReasonParamsByCode {
  /** Distribution: the next packer by id after #after (0: none chosen yet). */
  round_robin: Skilled<{ after: number }>;
  /** Distribution: the fewest open orders; `next` is what the runner-up had. */
  least_loaded: Skilled<{ open: number; next: number }>;
  least_loaded_only: Skilled<{ open: number }>;
  /** Distribution: smooth weighted round-robin; `share` in percent. */
  weighted: Skilled<{ share: number; weight: number; total: number }>;
  /** Nobody could take the order: the account has no packers. */
  no_packers: Empty;
  /** Nobody could take the order: how many packers were left out for each cause. */
  no_eligible_packer: {
    inactive?: number;
    off_shift?: number;
    store_not_allowed?: number;
    lacks_skill?: number;
    /** The skills the packers counted in `lacks_skill` miss, comma-separated. */
    skills?: string;
    at_max?: number;
  };
  /** An owner's or manager's assignment with no words of their own. */
  by_hand: Empty;
  /** The words a person typed (an assignment's or override's reason): shown as typed. */
  note: { text: string };
  phone_order: Empty;
  all_items_scanned: Empty;
  /** The owner confirmed an order for its packer. */
  on_behalf_of: { packer: string };
  demo_data: Empty;
  /** An order the store sync created, in the store's status (processing, on-hold, …). */
  synced_from_store: { store_status: string };
  changed_in_store: Empty;
  /** The order's status followed the store's (completed, cancelled, …). */
  store_marked: { store_status: string };
  /** Characters the database cannot store (NUL, lone surrogates) were removed from the store's data. */
  store_data_cleaned: Empty;
  store_order_gone: Empty;
  /** The store refused a write-back: its own message, shown as the store wrote it. */
  store_message: { text: string };
  /** An AWB was made for the order (the order moved to shipped). */
  awb_made: { awb: string };
  /** The courier's tracking moved the order on (delivered, returned). */
  awb_tracking: { awb: string };
  /** A row written before reasons were codes: the sentence as it was stored. */
  legacy_text: { text: string };
  /** Penalties: a return or a customer complaint on the order was the packer's mistake. */
  packing_error_return: Empty;
  packing_error_complaint: Empty;
  /** Penalties: the rule proposing after a wrong or surplus scan of `code`. */
  rule_scan_mismatch: { code: string };
  /** Penalties: not packed within `hours` working hours of the packer's shifts. */
  rule_late_packing: { hours: number };
  /** Penalties: the AWB was cancelled because of a packing error. */
  rule_awb_cancelled: { awb: string };
}

type Empty = Record<string, never>;
/** Distribution reasons name the skills the order required, when it required any. */
type Skilled<T> = T & { skills?: string };

export type ReasonCode = keyof ReasonParamsByCode;
export type ReasonParams = Record<string, string | number>;
export interface Reason {
  code: ReasonCode;
  params: ReasonParams;
}

/** Every code, in the order the OpenAPI enum lists them (compiler-checked to be complete). */
const ALL: Record<ReasonCode, true> = {
  round_robin: true,
  least_loaded: true,
  least_loaded_only: true,
  weighted: true,
  no_packers: true,
  no_eligible_packer: true,
  by_hand: true,
  note: true,
  phone_order: true,
  all_items_scanned: true,
  on_behalf_of: true,
  demo_data: true,
  synced_from_store: true,
  changed_in_store: true,
  store_marked: true,
  store_data_cleaned: true,
  store_order_gone: true,
  store_message: true,
  awb_made: true,
  awb_tracking: true,
  legacy_text: true,
  packing_error_return: true,
  packing_error_complaint: true,
  rule_scan_mismatch: true,
  rule_late_packing: true,
  rule_awb_cancelled: true,
};
export const REASON_CODES = Object.keys(ALL) as [ReasonCode, ...ReasonCode[]];

/** A reason, its parameters checked against its code. */
export function reason<C extends ReasonCode>(
  code: C,
  ...params: ReasonParamsByCode[C] extends Empty ? [] : [ReasonParamsByCode[C]]
): Reason {
  return { code, params: params[0] ?? {} };
}

/** A person's own words when they typed some, else "by hand". */
export function handReason(text: string): Reason {
  return text ? reason('note', { text }) : reason('by_hand');
}

/** The two columns a reason is stored in (`reason_code`, `reason_params` as JSON). */
export interface ReasonColumns {
  reason_code: string | null;
  reason_params: string | null;
}

export function reasonColumns(r: Reason | null | undefined): ReasonColumns {
  return r
    ? { reason_code: r.code, reason_params: JSON.stringify(r.params) }
    : { reason_code: null, reason_params: null };
}

/** Reads the stored columns back; an unknown code (a newer server wrote it) shows as its text. */
export function reasonOf(row: ReasonColumns): Reason | null {
  if (row.reason_code === null) return null;
  let params: ReasonParams = {};
  try {
    const parsed: unknown = JSON.parse(row.reason_params ?? '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      params = parsed as ReasonParams;
  } catch {
    // A damaged params column keeps the code readable.
  }
  if (!(row.reason_code in ALL)) return reason('legacy_text', { text: row.reason_code });
  return { code: row.reason_code as ReasonCode, params };
}

import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/*
 * The database as Kysely sees it. Conventions, the same on SQLite and PostgreSQL:
 * - ids are 64-bit integers; every business row carries `account_id` (tenant isolation);
 * - instants are epoch milliseconds (UTC) in `*_at` columns: they compare and sort the same
 *   way in both dialects and need no time-zone handling in SQL;
 * - money is integer minor units (bani) in `*_minor` columns, exact in sums; the API speaks
 *   decimal strings;
 * - booleans are 0/1 integers and structured values are JSON text, for one code path.
 */

export type Role = 'owner' | 'manager' | 'packer';

export const ORDER_STATUSES = [
  'new',
  'assigned',
  'confirmed',
  'packed',
  'shipped',
  'delivered',
  'returned',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface AccountsTable {
  id: Generated<number>;
  name: string;
  timezone: string;
  currency: string;
  language: string;
  created_at: number;
  updated_at: number;
  /** 1 when the owner allows 4-digit PINs (the station is then limited to station_networks). */
  short_pins: Generated<number>;
  /** JSON list of addresses/CIDRs the packer station may log in from (short PINs on). */
  station_networks: Generated<string>;
  /** The last phone order number given out (M1, M2, … per account). */
  phone_order_seq: Generated<number>;
  /** The last AWB number the own courier gave out (per account). */
  own_awb_seq: Generated<number>;
  /**
   * The packer station's address (`/station/<code>`) names the account by this code; packer
   * usernames are unique per account. Set for every account (migration 1207, insertAccount).
   */
  station_code: string;
}

export interface UsersTable {
  id: Generated<number>;
  account_id: number;
  role: Role;
  name: string;
  /** Owners and managers log in by e-mail (lower-cased, unique). */
  email: string | null;
  /** Packers log in by username (lower-cased, unique) and PIN. */
  username: string | null;
  password_hash: string;
  active: number;
  created_at: number;
  updated_at: number;
  /** PIN guesses since the last good packer login, counted before the PIN is checked. */
  pin_attempts: Generated<number>;
  /** Set when a packer's PIN was guessed at too often; cleared by a manager. */
  locked_at: number | null;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a leaked table does not give sessions away. */
  id: string;
  user_id: number;
  account_id: number;
  csrf_token: string;
  created_at: number;
  expires_at: number;
  ip: Generated<string>;
  user_agent: Generated<string>;
}

/** Attempt counters (login, PIN, connect) shared by every process; see accounts/attempt-limiter.ts. */
export interface LoginAttemptsTable {
  key: string;
  count: number;
  window_start: number;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  account_id: number;
  user_id: number;
  kind: 'password' | 'pin' | 'connect';
  ip: string;
  at: number;
}

export interface StoresTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  platform: string;
  url: string;
  status: string;
  created_at: number;
  updated_at: number;
  /** Which connector talks to the store: 'woocommerce' (ecomdir Connect) or 'woocommerce-rest'. */
  connector: Generated<string>;
  /** The address lower-cased without scheme, www. and trailing slash: one store, one key. */
  url_key: Generated<string>;
  /** The store credential sealed by the vault (AES-256-GCM); null for stores without one. */
  credentials: string | null;
  /** JSON: the store's last `status` answer. */
  store_info: Generated<string>;
  /** The sync cursor: (modification time, store id) of the last order stored. */
  cursor_modified_at: number | null;
  cursor_id: string | null;
  /** Where the first sync started (now minus the first-sync days); drives its progress. */
  sync_from: number | null;
  first_synced_at: number | null;
  /** Set while a sync runs; orders stored by that run so far in sync_progress. */
  sync_started_at: number | null;
  sync_progress: Generated<number>;
  last_sync_at: number | null;
  last_error_code: string | null;
  last_error: string | null;
  error_since: number | null;
  /** How far back this store's first sync goes; null: SYNC_FIRST_DAYS. */
  first_sync_days: number | null;
  /** How often this store is polled; null: SYNC_POLL_SECONDS. */
  poll_seconds: number | null;
  /** When the last sync run began (whatever its outcome): the poller's interval counts from it. */
  sync_attempted_at: number | null;
  /** Set while the store is paused: not polled, its jobs wait (jobs/claim.ts skips them). */
  paused_at: number | null;
  /** `owner` (by hand) or `credentials_rejected` (automatic). */
  paused_reason: string | null;
  /** Credential refusals (401/403) in a row since the last success; pauses the store at a limit. */
  credential_rejections: Generated<number>;
  /** Removed by the owner with its orders kept: not polled, credential wiped. */
  removed_at: number | null;
}

export interface PackersTable {
  id: Generated<number>;
  account_id: number;
  user_id: number;
  name: string;
  active: number;
  /** Share for weighted distribution (1..100). */
  weight: number;
  max_open_orders: number | null;
  /** JSON: string[] */
  skills: string;
  /** JSON: number[]; empty means every store. */
  allowed_store_ids: string;
  /** JSON: WeeklySchedule (see packers.schema.ts). */
  shifts: string;
  created_at: number;
  updated_at: number;
}

export interface OrdersTable {
  id: Generated<number>;
  account_id: number;
  store_id: number | null;
  /** The store's own id; null for orders made by hand in ecomdir. */
  external_id: string | null;
  number: string;
  status: OrderStatus;
  /** The store's status (processing, on-hold, …); 'manual' for phone orders. */
  store_status: string;
  source: string;
  created_at: number;
  modified_at: number;
  currency: string;
  total_minor: number;
  subtotal_minor: number;
  shipping_total_minor: number;
  discount_total_minor: number;
  tax_total_minor: number;
  payment_method: string;
  payment_method_title: string;
  is_cod: number;
  paid: number;
  customer_note: string;
  customer_name: string;
  customer_email: string;
  customer_phone: string;
  shipping_city: string;
  items_count: number;
  /** JSON: [{method_id, method_title, total}] */
  shipping_lines: string;
  packer_id: number | null;
  assigned_at: number | null;
  confirmed_at: number | null;
  /** 1: a person chose the current packer; background redistribution keeps it. */
  assigned_by_hand: Generated<number>;
  /** Lower-cased, diacritics-free text that the search matches. */
  search_text: string;
  updated_at: number;
  /** The store's last refusal of a write-back (code: message), e.g. ecomdir_packer_locked. */
  store_push_error?: string | null;
  store_push_error_at?: number | null;
  /** What the store holds when it disagrees about the packer (JSON), and since when. */
  store_divergence?: string | null;
  store_divergence_at?: number | null;
}

export interface OrderAddressesTable {
  id: Generated<number>;
  account_id: number;
  order_id: number;
  kind: 'billing' | 'shipping';
  first_name: string;
  last_name: string;
  company: string;
  email: string;
  phone: string;
  address_1: string;
  address_2: string;
  city: string;
  state: string;
  postcode: string;
  country: string;
}

export interface OrderItemsTable {
  id: Generated<number>;
  account_id: number;
  order_id: number;
  external_id: string | null;
  product_id: string | null;
  variation_id: string | null;
  sku: string;
  name: string;
  quantity: number;
  unit_price_minor: number;
  total_minor: number;
  weight_grams: number | null;
  /** JSON object of item meta. */
  meta: string;
  /** Units scanned at the packer station so far (scan-to-verify). */
  scanned_quantity: Generated<number>;
}

export interface AssignmentsTable {
  id: Generated<number>;
  account_id: number;
  order_id: number;
  packer_id: number;
  assigned_at: number;
  confirmed_at: number | null;
  /** When this assignment stopped being the current one. */
  ended_at: number | null;
  assigned_by: number | null;
  /** Why (shared/reasons.ts): a code and its JSON parameters; NULL when none was given. */
  reason_code: string | null;
  reason_params: string | null;
  override: number;
  /** When the order was packed while this assignment held it (ms). */
  packed_at: Generated<number | null>;
  /** Of assigned→confirmed and confirmed→packed, the part inside the packer's shifts (ms). */
  confirm_work_ms: Generated<number | null>;
  pack_work_ms: Generated<number | null>;
}

export interface AuditEventsTable {
  id: Generated<number>;
  account_id: number;
  entity: string;
  entity_id: number;
  action: string;
  actor_user_id: number | null;
  /** Kept as text so the trail stays readable after a user is renamed or removed. */
  actor_label: string;
  from_value: string | null;
  to_value: string | null;
  /** Why (shared/reasons.ts): a code and its JSON parameters; NULL when none was given. */
  reason_code: string | null;
  reason_params: string | null;
  created_at: number;
}

export interface JobsTable {
  id: Generated<number>;
  account_id: number | null;
  kind: string;
  /** JSON payload. */
  payload: string;
  state: 'queued' | 'running' | 'done' | 'dead';
  attempts: number;
  max_attempts: number;
  run_at: number;
  locked_by: string | null;
  locked_at: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  /** At most one queued job per key (see jobs/jobs.repo.ts). */
  dedupe_key?: string | null;
  /** The store the job works for (null: none); workers take turns across stores. */
  store_id: number | null;
  /** 0 a sync or a user's action, 1 routine, 2 bulk write-backs (jobs/claim.ts). */
  priority: Generated<number>;
}

/** The turn (a counter) at which a worker last took a job of each store (0: no store); jobs/claim.ts. */
export interface JobTurnsTable {
  store_id: number;
  turn: number;
}

/** Live job workers and their heartbeats (jobs/workers.repo.ts). */
export interface WorkersTable {
  id: string;
  hostname: string;
  pid: number;
  started_at: number;
  heartbeat_at: number;
}

/** Distribution settings per store; store_key 0 is the account default for manual orders. */
export interface DistributionSettingsTable {
  id: Generated<number>;
  account_id: number;
  store_key: number;
  strategy: string;
  enabled: number;
  /** JSON: string[] of store statuses that are distributed. */
  store_statuses: string;
  updated_at: number;
}

export interface DistributionStateTable {
  account_id: number;
  store_key: number;
  /** JSON: the strategies' memory (see distribution/strategy.ts). */
  state: string;
  updated_at: number;
}

export interface UnassignedOrdersTable {
  order_id: number;
  account_id: number;
  /** Why nobody could take it (shared/reasons.ts): a code and its JSON parameters. */
  reason_code: string | null;
  reason_params: string | null;
  since_at: number;
  checked_at: number;
}

/** A store order that could not be stored, with the reason (sync/quarantine.ts). */
export interface QuarantinedOrdersTable {
  id: Generated<number>;
  account_id: number;
  store_id: number;
  external_id: string;
  number: string;
  /** A code: value_out_of_range, store_rejected_row. */
  reason: string;
  /** Which field, or the database's refusal (never the order's data). */
  detail: string;
  created_at: number;
  updated_at: number;
}

export interface ScanMismatchesTable {
  id: Generated<number>;
  account_id: number;
  order_id: number;
  packer_id: number | null;
  order_item_id: number | null;
  code: string;
  kind: 'wrong_item' | 'too_many';
  created_at: number;
}

/** One attempt at an AWB for an order (modules/shipping; migration 1401). */
export interface ShipmentsTable {
  id: Generated<number>;
  account_id: number;
  order_id: number;
  store_id: number | null;
  courier: string;
  service: string;
  attempt: number;
  /** `<order id>-<attempt>`: the reference the courier is given and asked about after a crash. */
  idempotency_key: string;
  phase: 'pending' | 'made' | 'failed' | 'cancelled';
  /** While set in the future, one request is talking to the courier for this row. */
  claim_until: number | null;
  /** Calls to the courier's create so far: above 0, look the reference up before creating. */
  courier_calls: Generated<number>;
  awb: string | null;
  /** The unified tracking status (shipping/couriers/courier.ts); null until the AWB exists. */
  status: string | null;
  tracking_token: string;
  tracking_url: string | null;
  currency: string;
  cod_minor: number | null;
  declared_value_minor: number;
  parcels: number;
  weight_grams: number;
  observations: Generated<string>;
  /** JSON: the sender address used (LabelAddress). */
  sender: string;
  /** JSON: the recipient as sent to the courier (LabelAddress with email). */
  recipient: string;
  /** Why this courier and service: a code with parameters, rendered in the reader's language. */
  reason_code: string;
  reason_params: Generated<string>;
  /** JSON: [{code, text}] — the courier's own messages of the last refusal. */
  messages: Generated<string>;
  order_status_before: OrderStatus;
  next_track_at: number | null;
  track_failures: Generated<number>;
  created_by: Generated<string>;
  created_at: number;
  updated_at: number;
  /** JSON: `ShipmentDetails` (size, options, locker, matched destination, content). */
  details: Generated<string>;
}

export interface ShipmentEventsTable {
  id: Generated<number>;
  account_id: number;
  shipment_id: number;
  status: string;
  courier_code: string;
  courier_text: string;
  actor_label: Generated<string>;
  occurred_at: number;
  created_at: number;
}

export interface ShippingSettingsTable {
  account_id: number;
  /** JSON, validated by ShippingSettings (modules/shipping/shipping-settings.ts). */
  settings: string;
  updated_at: number;
}

export interface OwnCourierAwbsTable {
  account_id: number;
  reference: string;
  awb: string;
  created_at: number;
}

export interface CourierAccountsTable {
  id: Generated<number>;
  account_id: number;
  courier: string;
  name: string;
  /** Sealed by the vault; never returned by the API. */
  credentials: string;
  /** JSON of the non-secret choices (pickup point, default service…), keys the adapter's. */
  options: Generated<string>;
  created_at: number;
  updated_at: number;
}

/** A courier's locker or pick-up point, cached per account (migration 1412). */
export interface CourierLockersTable {
  id: Generated<number>;
  account_id: number;
  courier: string;
  locker_id: string;
  name: string;
  address: string;
  city: string;
  county: string;
  postcode: string | null;
  max_length_cm: number | null;
  max_width_cm: number | null;
  max_height_cm: number | null;
  max_weight_grams: number | null;
  refreshed_at: number;
}

export interface ShipmentBatchesTable {
  id: Generated<number>;
  account_id: number;
  total: number;
  done: Generated<number>;
  made: Generated<number>;
  failed: Generated<number>;
  /** JSON: the generate options every item uses (courier, service). */
  options: Generated<string>;
  created_by: string;
  created_at: number;
  finished_at: number | null;
}

export interface ShipmentBatchItemsTable {
  id: Generated<number>;
  account_id: number;
  batch_id: number;
  order_id: number;
  shipment_id: number | null;
  result: 'queued' | 'made' | 'failed';
  message_code: string | null;
  message_text: string | null;
  done_at: number | null;
}

/** Penalty types per account; the six defaults have a `code` and, until renamed, no `name`. */
export interface PenaltyTypesTable {
  id: Generated<number>;
  account_id: number;
  code: string | null;
  name: string | null;
  description: Generated<string>;
  default_amount_minor: number;
  active: Generated<number>;
  created_at: number;
  updated_at: number;
}

/** JSON: PenaltySettings (modules/penalties/penalty-settings.ts). */
export interface PenaltySettingsTable {
  account_id: number;
  settings: string;
  updated_at: number;
}

/** A penalty's write-once facts; its states are `penalty_entries`. */
export interface PenaltiesTable {
  id: Generated<number>;
  account_id: number;
  packer_id: number;
  order_id: number | null;
  type_id: number;
  amount_minor: number;
  currency: string;
  note: Generated<string>;
  /** The rule that proposed it and its event; NULL for penalties added by hand. */
  rule: string | null;
  event_kind: string | null;
  event_id: number | null;
  /** Unique per account: a rule proposes once per event. */
  rule_key: string | null;
  created_by_user_id: number | null;
  created_by_label: string | null;
  created_at: number;
}

/** The append-only ledger of states; the highest `seq` is the current state. */
export interface PenaltyEntriesTable {
  id: Generated<number>;
  account_id: number;
  penalty_id: number;
  seq: number;
  state: string;
  reason_code: string | null;
  reason_params: string | null;
  comment: string | null;
  actor_user_id: number | null;
  actor_label: string | null;
  actor_role: string;
  created_at: number;
}

export interface PenaltyPhotosTable {
  penalty_id: number;
  account_id: number;
  /** A name the server made, inside DATA_DIR/penalty-photos. */
  file: string;
  mime: string;
  size: number;
  created_at: number;
}

/** A courier's localities of one county as fetched (migration 1431; not account data). */
export interface CourierLocalitiesTable {
  id: Generated<number>;
  courier: string;
  county_key: string;
  /** JSON: CourierLocality[]. */
  localities: string;
  fetched_at: number;
  fetched_by_account_id: number;
}

/** A person's choice of locality for an order at a courier (migration 1432). */
export interface OrderAddressChoicesTable {
  id: Generated<number>;
  account_id: number;
  order_id: number;
  courier: string;
  /** JSON: CourierLocality. */
  locality: string;
  chosen_by: string;
  created_at: number;
}

/** One import of COD settlements, from a file or a courier's API (modules/shipping/cod). */
export interface CodImportsTable {
  id: Generated<number>;
  account_id: number;
  courier: string;
  source: 'api' | 'file';
  file_name: Generated<string>;
  state: 'queued' | 'running' | 'done' | 'failed';
  range_from: string | null;
  range_to: string | null;
  lines_total: Generated<number>;
  lines_new: Generated<number>;
  lines_known: Generated<number>;
  lines_unmatched: Generated<number>;
  /** JSON: the AWBs of this import that matched no shipment (the first 200). */
  unmatched_awbs: Generated<string>;
  /** JSON: [{code, text}] — why an import failed (the courier's own words where it said). */
  messages: Generated<string>;
  created_by: Generated<string>;
  created_at: number;
  finished_at: number | null;
}

/** One COD amount paid out for an AWB; unique per (account, courier, AWB, reference). */
export interface CodSettlementLinesTable {
  id: Generated<number>;
  account_id: number;
  import_id: number;
  courier: string;
  awb: string;
  amount_minor: number;
  currency: string;
  /** When the courier paid it out (ms); null: reported collected, not paid yet. */
  paid_at: number | null;
  reference: Generated<string>;
  shipment_id: number | null;
  created_at: number;
}

/** The daily summary e-mail of an account (migration 1650); the password sealed by the vault. */
export interface ReportMailSettingsTable {
  account_id: number;
  enabled: number;
  smtp_host: string;
  smtp_port: number;
  /** 'none' | 'starttls' | 'tls' */
  security: string;
  username: string;
  password_sealed: string | null;
  from_address: string;
  /** JSON list of e-mail addresses. */
  recipients: string;
  /** Local hour (0–23) from which yesterday's summary is sent. */
  send_hour: number;
  language: string;
  last_sent_day: string | null;
  updated_at: number;
}

export interface CodSettingsTable {
  account_id: number;
  overdue_days: number;
  updated_at: number;
}

/** Per local day, metric and slice (packer, store, courier; 0 / '' when none): a count. */
export interface ReportCountsTable {
  account_id: number;
  day: string;
  metric: string;
  packer_id: number;
  store_id: number;
  courier: string;
  n: number;
  /** Minor units, for metrics that sum money. */
  amount: number;
}

/** The month sums of report_counts (month YYYY-MM). */
export interface ReportMonthCountsTable {
  account_id: number;
  month: string;
  metric: string;
  packer_id: number;
  store_id: number;
  courier: string;
  n: number;
  amount: number;
}

/** Histogram of a duration metric in whole minutes, per local day or month. */
export interface ReportDurationsTable {
  account_id: number;
  grain: 'day' | 'month';
  /** YYYY-MM-DD for 'day', YYYY-MM for 'month'. */
  period: string;
  metric: string;
  packer_id: number;
  store_id: number;
  courier: string;
  minutes: number;
  n: number;
}

/** A slot's rollup rows (migration 1670): the day's are their sums. */
export interface ReportPieceCountsTable {
  account_id: number;
  slot: number;
  metric: string;
  packer_id: number;
  store_id: number;
  courier: string;
  n: number;
  amount: number;
}

export interface ReportPieceDurationsTable {
  account_id: number;
  slot: number;
  metric: string;
  packer_id: number;
  store_id: number;
  courier: string;
  minutes: number;
  n: number;
}

/** Local days whose pieces are whole. */
export interface ReportPieceDaysTable {
  account_id: number;
  day: string;
}

export interface ReportDirtyTable {
  account_id: number;
  /** floor(ms / 900000): a 15-minute slot holding a change. */
  slot: number;
  n: number;
}

export interface ReportStateTable {
  account_id: number;
  timezone: string;
  built_at: number;
}

export interface DB {
  accounts: AccountsTable;
  users: UsersTable;
  sessions: SessionsTable;
  stores: StoresTable;
  packers: PackersTable;
  orders: OrdersTable;
  order_addresses: OrderAddressesTable;
  order_items: OrderItemsTable;
  assignments: AssignmentsTable;
  audit_events: AuditEventsTable;
  jobs: JobsTable;
  job_turns: JobTurnsTable;
  workers: WorkersTable;
  distribution_settings: DistributionSettingsTable;
  distribution_state: DistributionStateTable;
  unassigned_orders: UnassignedOrdersTable;
  scan_mismatches: ScanMismatchesTable;
  quarantined_orders: QuarantinedOrdersTable;
  login_attempts: LoginAttemptsTable;
  login_failures: LoginFailuresTable;
  shipments: ShipmentsTable;
  shipment_events: ShipmentEventsTable;
  shipping_settings: ShippingSettingsTable;
  own_courier_awbs: OwnCourierAwbsTable;
  courier_accounts: CourierAccountsTable;
  courier_lockers: CourierLockersTable;
  shipment_batches: ShipmentBatchesTable;
  shipment_batch_items: ShipmentBatchItemsTable;
  penalty_types: PenaltyTypesTable;
  penalty_settings: PenaltySettingsTable;
  penalties: PenaltiesTable;
  penalty_entries: PenaltyEntriesTable;
  penalty_photos: PenaltyPhotosTable;
  courier_localities: CourierLocalitiesTable;
  order_address_choices: OrderAddressChoicesTable;
  cod_imports: CodImportsTable;
  cod_settlement_lines: CodSettlementLinesTable;
  cod_settings: CodSettingsTable;
  report_counts: ReportCountsTable;
  report_durations: ReportDurationsTable;
  report_month_counts: ReportMonthCountsTable;
  report_dirty: ReportDirtyTable;
  report_piece_counts: ReportPieceCountsTable;
  report_piece_durations: ReportPieceDurationsTable;
  report_piece_days: ReportPieceDaysTable;
  report_state: ReportStateTable;
  report_mail_settings: ReportMailSettingsTable;
}
export type ShipmentRow = Selectable<ShipmentsTable>;

export type AccountRow = Selectable<AccountsTable>;
export type UserRow = Selectable<UsersTable>;
export type PackerRow = Selectable<PackersTable>;
export type OrderRow = Selectable<OrdersTable>;
export type NewOrder = Insertable<OrdersTable>;
export type OrderUpdate = Updateable<OrdersTable>;
export type OrderItemRow = Selectable<OrderItemsTable>;
export type OrderAddressRow = Selectable<OrderAddressesTable>;
export type AssignmentRow = Selectable<AssignmentsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;

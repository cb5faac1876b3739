/**
 * Every `code` an error answer can carry: the contract between the server and the dashboard.
 * `AppError` takes only these, the OpenAPI document publishes them as an enum (the dashboard's
 * generated types read it), and a web test requires RO and EN text for each under
 * `errors.<code>`. A new code goes here first; the compiler then points at everything else.
 */
export const ERROR_CODES = [
  // request shape (http/errors.ts)
  'invalid_request',
  'malformed_json',
  'body_too_large',
  'unsupported_media_type',
  'bad_request',
  'route_not_found',
  'internal',
  'database_unavailable',
  // sessions and accounts
  'not_logged_in',
  'csrf_failed',
  'invalid_credentials',
  'too_many_attempts',
  'already_set_up',
  'account_not_found',
  'email_taken',
  'username_taken',
  'owner_required',
  'role_forbidden',
  // orders and distribution
  'order_not_found',
  'invalid_cursor',
  'invalid_status',
  'changed_meanwhile',
  'unchanged',
  'reason_required',
  'not_assigned',
  'distribution_off',
  'status_not_distributed',
  'already_assigned',
  // packers and packing
  'packer_not_found',
  'packer_inactive',
  'packer_locked',
  'not_a_packer',
  'already_confirmed',
  'not_confirmed',
  'not_packable',
  'scan_wrong_item',
  'scan_too_many',
  // stores, sync and jobs
  'store_not_found',
  'store_taken',
  'store_unreachable',
  'store_without_credentials',
  'unknown_connector',
  'first_sync_started',
  'first_sync_done',
  'job_not_found',
  'store_paused',
  'store_removed',
  'nothing_to_push',
  // why a store could not be verified (connect and add by hand; connectors/safe-fetch.ts)
  'store_name_not_found',
  'store_connection_refused',
  'store_timeout',
  'store_tls_error',
  'store_credentials_rejected',
  'store_plugin_missing',
  'store_server_error',
  'store_not_json',
  'store_answer_too_large',
  'store_address_not_allowed',
  'store_refused',
  // security: text at the edge, PINs, the station, the team and sessions
  'invalid_characters',
  'pin_locked',
  'pin_too_short',
  'station_address_not_allowed',
  'station_networks_required',
  'wrong_password',
  'password_unchanged',
  'user_not_found',
  'owner_not_removable',
  'session_not_found',
  'already_owner',
  // shipping: AWBs, labels, tracking (modules/shipping)
  'order_not_shippable',
  'sender_address_missing',
  'sender_default_twice',
  'courier_unknown',
  'courier_account_not_found',
  'courier_refused',
  'shipment_not_found',
  'shipment_not_made',
  'shipment_not_markable',
  'shipment_not_cancellable',
  'labels_mixed_couriers',
  'label_format_unsupported',
  'shipment_batch_not_found',
  // penalties (modules/penalties)
  'penalty_not_found',
  'penalty_type_not_found',
  'penalty_type_inactive',
  'penalty_not_proposed',
  'penalty_not_reversible',
  'penalty_not_contestable',
  'penalty_not_contested',
  'penalty_photo_invalid',
  'penalty_photo_exists',
  'penalty_photo_not_found',
  'managers_may_not_apply',
  'order_not_packed_yet',
  // nomenclature (modules/shipping/nomenclature)
  'address_unmatched',
  'address_match_not_needed',
  'locality_not_offered',
  'nomenclature_unavailable',
  // couriers: logins, Test connection, options, lockers (modules/shipping/courier-setup.ts)
  'courier_credentials_missing',
  'courier_operation_unsupported',
  'courier_account_missing',
  'option_not_offered',
  'locker_unknown',
  'parcel_too_large_for_locker',
  'locker_required',
  // cash-on-delivery reconciliation (modules/shipping/cod)
  'cod_file_missing',
  'cod_file_type',
  'cod_file_too_large',
  'cod_file_unreadable',
  'cod_file_empty',
  'cod_columns_missing',
  'cod_range_invalid',
  'cod_courier_no_api',
  'cod_import_not_found',
  // reports (modules/reports)
  'report_period_invalid',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The store's own answer when it is not usable (carried as `cause_code` next to
 * `store_unreachable`, and in a store's health): rendered by the dashboard under `errors.<code>`.
 */
export const STORE_CAUSE_CODES = [
  'unreachable',
  'timeout',
  'server_error',
  'bad_answer',
  'credentials_rejected',
  'plugin_missing',
  'store_refused',
] as const;

import type { Migration } from 'kysely';
import * as m0001 from './20261128_0001_create_accounts.js';
import * as m0002 from './20261128_0002_create_users.js';
import * as m0003 from './20261128_0003_create_sessions.js';
import * as m0004 from './20261128_0004_create_stores.js';
import * as m0005 from './20261128_0005_create_packers.js';
import * as m0006 from './20261128_0006_create_orders.js';
import * as m0007 from './20261128_0007_create_order_addresses.js';
import * as m0008 from './20261128_0008_create_order_items.js';
import * as m0009 from './20261128_0009_create_assignments.js';
import * as m0010 from './20261128_0010_create_audit_events.js';
import * as m0011 from './20261128_0011_create_jobs.js';
import * as m0012 from './20261128_0012_create_orders_search.js';
import * as m0201 from './20261128_0201_add_store_sync_columns.js';
import * as m0202 from './20261128_0202_add_order_store_push_columns.js';
import * as m0203 from './20261128_0203_add_job_dedupe_key.js';
import * as m0204 from './20261128_0204_unique_live_job_dedupe_key.js';
import * as m0205 from './20261128_0205_add_store_sync_settings.js';
import * as m0101 from './20261128_0101_create_distribution_settings.js';
import * as m0102 from './20261128_0102_create_distribution_state.js';
import * as m0103 from './20261128_0103_create_unassigned_orders.js';
import * as m0104 from './20261128_0104_add_order_items_scanned.js';
import * as m0105 from './20261128_0105_create_scan_mismatches.js';
import * as m0106 from './20261128_0106_index_orders_packer_status.js';
import * as m0301 from './20261128_0301_orders_fts_indexed_by_writers.js';
import * as m1301 from './20261130_1301_add_job_fairness_columns.js';
import * as m1302 from './20261130_1302_index_jobs_fair.js';
import * as m1303 from './20261130_1303_create_job_turns.js';
import * as m1304 from './20261130_1304_create_workers.js';
import * as m1305 from './20261130_1305_add_store_pause.js';
import * as m1306 from './20261130_1306_add_store_removed_at.js';
import * as m1101 from './20261130_1101_create_quarantined_orders.js';
import * as m1102 from './20261130_1102_add_order_store_divergence.js';
import * as m1201 from './20261130_1201_create_login_attempts.js';
import * as m1202 from './20261130_1202_create_login_failures.js';
import * as m1203 from './20261130_1203_add_users_pin_lock.js';
import * as m1204 from './20261130_1204_add_account_pin_policy.js';
import * as m1205 from './20261130_1205_add_session_client.js';
import * as m1207 from './20261201_1207_add_account_station_code.js';
import * as m1208 from './20261201_1208_unique_username_per_account.js';
import * as m1501 from './20261202_1501_create_penalty_types.js';
import * as m1502 from './20261202_1502_create_penalty_settings.js';
import * as m1503 from './20261202_1503_create_penalties.js';
import * as m1504 from './20261202_1504_create_penalty_entries.js';
import * as m1601 from './20261203_1601_create_report_rollups.js';
import * as m1602 from './20261203_1602_report_dirty_triggers.js';
import * as m1605 from './20261203_1605_create_report_month_counts.js';
import * as m1606 from './20261203_1606_index_report_slices.js';
import * as m1610 from './20261203_1610_index_scan_mismatches_order.js';
import * as m1611 from './20261203_1611_assignments_mark_facts_on_insert.js';
import * as m1672 from './20261203_1672_index_report_durations_by_period.js';
import * as m1671 from './20261203_1671_report_marks_old_instants.js';
import * as m1670 from './20261203_1670_create_report_pieces.js';
import * as m1660 from './20261203_1660_report_to_awb_slices.js';
import * as m1650 from './20261203_1650_create_report_mail_settings.js';
import * as m1620 from './20261203_1620_report_days_support.js';
import * as m1505 from './20261202_1505_create_penalty_photos.js';
import * as m0901 from './20261130_0901_add_orders_assigned_by_hand.js';
import * as m0902 from './20261130_0902_add_accounts_phone_order_seq.js';
import * as m0903 from './20261201_0903_reasons_as_codes.js';
import * as m1401 from './20261201_1401_create_shipments.js';
import * as m1402 from './20261201_1402_create_shipment_events.js';
import * as m1403 from './20261201_1403_add_accounts_own_awb_seq.js';
import * as m1404 from './20261201_1404_create_shipping_settings.js';
import * as m1405 from './20261201_1405_create_own_courier_awbs.js';
import * as m1406 from './20261201_1406_create_courier_accounts.js';
import * as m1407 from './20261201_1407_create_shipment_batches.js';
import * as m1410 from './20261202_1410_add_shipments_details.js';
import * as m1431 from './20261202_1431_create_courier_localities.js';
import * as m1432 from './20261202_1432_create_order_address_choices.js';
import * as m1411 from './20261202_1411_add_courier_accounts_options.js';
import * as m1412 from './20261202_1412_create_courier_lockers.js';
import * as m1421 from './20261202_1421_create_cod_imports.js';
import * as m1422 from './20261202_1422_create_cod_settlement_lines.js';
import * as m1423 from './20261202_1423_create_cod_settings.js';
import * as m1424 from './20261202_1424_index_shipments_awb.js';

/**
 * Every migration, in order. Forward-only: a shipped migration is never edited; a change
 * is a new file with a later timestamp, added here.
 */
export const migrations: Record<string, Migration> = {
  '20261128_0001_create_accounts': m0001,
  '20261128_0002_create_users': m0002,
  '20261128_0003_create_sessions': m0003,
  '20261128_0004_create_stores': m0004,
  '20261128_0005_create_packers': m0005,
  '20261128_0006_create_orders': m0006,
  '20261128_0007_create_order_addresses': m0007,
  '20261128_0008_create_order_items': m0008,
  '20261128_0009_create_assignments': m0009,
  '20261128_0010_create_audit_events': m0010,
  '20261128_0011_create_jobs': m0011,
  '20261128_0012_create_orders_search': m0012,
  '20261128_0201_add_store_sync_columns': m0201,
  '20261128_0202_add_order_store_push_columns': m0202,
  '20261128_0203_add_job_dedupe_key': m0203,
  '20261128_0204_unique_live_job_dedupe_key': m0204,
  '20261128_0205_add_store_sync_settings': m0205,
  '20261128_0101_create_distribution_settings': m0101,
  '20261128_0102_create_distribution_state': m0102,
  '20261128_0103_create_unassigned_orders': m0103,
  '20261128_0104_add_order_items_scanned': m0104,
  '20261128_0105_create_scan_mismatches': m0105,
  '20261128_0106_index_orders_packer_status': m0106,
  '20261128_0301_orders_fts_indexed_by_writers': m0301,
  '20261130_1301_add_job_fairness_columns': m1301,
  '20261130_1302_index_jobs_fair': m1302,
  '20261130_1303_create_job_turns': m1303,
  '20261130_1304_create_workers': m1304,
  '20261130_1305_add_store_pause': m1305,
  '20261130_1306_add_store_removed_at': m1306,
  '20261130_1101_create_quarantined_orders': m1101,
  '20261130_1102_add_order_store_divergence': m1102,
  '20261130_1201_create_login_attempts': m1201,
  '20261130_1202_create_login_failures': m1202,
  '20261130_1203_add_users_pin_lock': m1203,
  '20261130_1204_add_account_pin_policy': m1204,
  '20261130_1205_add_session_client': m1205,
  '20261130_0901_add_orders_assigned_by_hand': m0901,
  '20261130_0902_add_accounts_phone_order_seq': m0902,
  '20261201_0903_reasons_as_codes': m0903,
  '20261201_1401_create_shipments': m1401,
  '20261201_1402_create_shipment_events': m1402,
  '20261201_1403_add_accounts_own_awb_seq': m1403,
  '20261201_1404_create_shipping_settings': m1404,
  '20261201_1405_create_own_courier_awbs': m1405,
  '20261201_1406_create_courier_accounts': m1406,
  '20261201_1407_create_shipment_batches': m1407,
  '20261201_1207_add_account_station_code': m1207,
  '20261201_1208_unique_username_per_account': m1208,
  '20261202_1410_add_shipments_details': m1410,
  '20261202_1501_create_penalty_types': m1501,
  '20261202_1502_create_penalty_settings': m1502,
  '20261202_1503_create_penalties': m1503,
  '20261202_1504_create_penalty_entries': m1504,
  '20261202_1505_create_penalty_photos': m1505,
  '20261202_1431_create_courier_localities': m1431,
  '20261202_1432_create_order_address_choices': m1432,
  '20261202_1411_add_courier_accounts_options': m1411,
  '20261202_1412_create_courier_lockers': m1412,
  '20261202_1421_create_cod_imports': m1421,
  '20261202_1422_create_cod_settlement_lines': m1422,
  '20261202_1423_create_cod_settings': m1423,
  '20261202_1424_index_shipments_awb': m1424,
  '20261203_1601_create_report_rollups': m1601,
  '20261203_1602_report_dirty_triggers': m1602,
  '20261203_1605_create_report_month_counts': m1605,
  '20261203_1606_index_report_slices': m1606,
  '20261203_1610_index_scan_mismatches_order': m1610,
  '20261203_1611_assignments_mark_facts_on_insert': m1611,
  '20261203_1650_create_report_mail_settings': m1650,
  '20261203_1620_report_days_support': m1620,
  '20261203_1660_report_to_awb_slices': m1660,
  '20261203_1670_create_report_pieces': m1670,
  '20261203_1671_report_marks_old_instants': m1671,
  '20261203_1672_index_report_durations_by_period': m1672,
};

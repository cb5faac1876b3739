/**
 * Every job kind and its payload. A kind added here without a handler in the registry
 * (http/app.ts, `satisfies JobHandlers`) does not compile.
 */
export interface JobPayloads {
  /** Pull new and changed orders of one store (cursor sync). */
  'store.sync': { store_id: number };
  /** Check the store's open orders one by one: trashed and deleted orders leave no trace in the feed. */
  'store.reconcile': { store_id: number };
  /** Write the order's current packer assignment to its store (POST orders/<id>/packer). */
  'store.push_assignment': { order_id: number; override?: boolean };
  /** Write the order's shipment (courier, AWB) to its store (POST orders/<id>/shipment). */
  'store.push_shipment': {
    order_id: number;
    courier: string;
    awb: string;
    tracking_url: string;
    label_url?: string | null;
  };
  /** Ask the courier about one shipment's tracking (modules/shipping/track-shipments.ts). */
  'shipment.track': { shipment_id: number };
  /** Make one order's AWB: an item of a bulk batch, or at packing (batch_id null). */
  'shipment.generate': { order_id: number; batch_id: number | null };
  /** Fetch a courier's localities of one county again (modules/shipping/nomenclature). */
  'nomenclature.refresh': { courier: string; county: string };
  /** Read a courier's lockers again with the account's login (modules/shipping/courier-setup.ts). */
  'courier.refresh_lockers': { courier: string };
  /** Read a courier's COD settlements through its API into one import (modules/shipping/cod). */
  'cod.import': { import_id: number };
  /** Send one local day's summary by the owner's SMTP (modules/reports/report-mail.service.ts). */
  'reports.daily_mail': { account_id: number; day: string };
}

export type JobKind = keyof JobPayloads;

export interface JobContext {
  jobId: number;
  accountId: number | null;
  attempt: number;
  /** Long handlers call this between steps so other workers do not take the job as orphaned. */
  heartbeat: () => Promise<void>;
}

/**
 * Runs one job. It may run more than once (a retry, or a worker that died after the work but
 * before marking it done), so it must be idempotent on its payload. Throwing means "try
 * again later" (with backoff); business failures of an outside system are recorded as data
 * and the handler returns normally.
 */
export type JobHandler<K extends JobKind> = (
  payload: JobPayloads[K],
  ctx: JobContext,
) => Promise<void>;

export type JobHandlers = { [K in JobKind]: JobHandler<K> };

/**
 * Claim order between kinds (jobs.priority, lower first): a sync or a user's action is never
 * kept waiting by bulk write-backs (jobs/claim.ts). Within one priority, stores take turns.
 */
export const JOB_PRIORITY = { urgent: 0, routine: 1, bulk: 2 } as const;
export type JobPriority = (typeof JOB_PRIORITY)[keyof typeof JOB_PRIORITY];

/** The priority a kind gets when the enqueuer does not choose one. */
export const DEFAULT_PRIORITY: { [K in JobKind]: JobPriority } = {
  'store.sync': JOB_PRIORITY.urgent,
  'store.reconcile': JOB_PRIORITY.routine,
  'store.push_assignment': JOB_PRIORITY.routine,
  'store.push_shipment': JOB_PRIORITY.routine,
  'shipment.track': JOB_PRIORITY.bulk,
  'shipment.generate': JOB_PRIORITY.routine,
  'nomenclature.refresh': JOB_PRIORITY.bulk,
  'courier.refresh_lockers': JOB_PRIORITY.bulk,
  'cod.import': JOB_PRIORITY.routine,
  'reports.daily_mail': JOB_PRIORITY.bulk,
};

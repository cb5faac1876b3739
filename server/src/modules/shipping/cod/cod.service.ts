import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { enqueue } from '../../../jobs/jobs.repo.js';
import { Invalid, NotFound } from '../../../shared/errors.js';
import { parseJsonColumn } from '../../../shared/json.js';
import type { Actor } from '../../audit/audit.repo.js';
import type { CourierContext, CourierMessage } from '../couriers/courier.js';
import type { CourierRegistry } from '../couriers/registry.js';
import * as figures from './cod-figures.repo.js';
import * as repo from './cod.repo.js';
import { addDays, localDayOf, localDays, localMidnight } from '../../../shared/local-days.js';
import {
  type ColumnChoice,
  cellText,
  detectColumns,
  linesOf,
  readSettlementFile,
} from './settlement-file.js';

const DAY_MS = 86_400_000;
/** The longest range of the per-day table (one query; a quarter of a year). */
export const MAX_RANGE_DAYS = 92;
/** What the daily API import reads: the last days, again (known lines are not counted twice). */
const API_LOOKBACK_DAYS = 7;
/** An account and courier read by the API within this long are not read again by the tick. */
const DAILY_GAP_MS = 20 * 3600_000;

export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

type ImportRow = NonNullable<Awaited<ReturnType<typeof repo.findImport>>>;

/**
 * Cash-on-delivery reconciliation: settlements imported from a file the owner uploads or from a
 * courier's API (a job, daily and on demand), matched to AWBs, and the figures per day and per
 * order. Importing a settlement twice counts its money once (the lines' unique key).
 */
export class CodService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly couriers: CourierRegistry,
    private readonly contextOf: (accountId: number, courier: string) => Promise<CourierContext>,
  ) {}

  async settings(accountId: number) {
    return { overdue_days: await repo.overdueDays(this.db, accountId) };
  }

  async saveSettings(accountId: number, s: { overdue_days: number }) {
    await repo.saveOverdueDays(this.db, accountId, s.overdue_days);
    return this.settings(accountId);
  }

  /** The per-day table of a range of local days (default: the last 30) and the all-time totals. */
  async summary(accountId: number, q: { from?: string; to?: string }, now = Date.now()) {
    const { timezone, currency } = await repo.accountZone(this.db, accountId);
    const N = await repo.overdueDays(this.db, accountId);
    const to = q.to ?? localDayOf(now, timezone);
    const from = q.from ?? addDays(to, -29);
    if (from > to || addDays(from, MAX_RANGE_DAYS - 1) < to)
      throw new Invalid('cod_range_invalid', `Choose at most ${MAX_RANGE_DAYS} days, from ≤ to.`);
    const days = localDays(from, to, timezone);
    const overdueBefore = now - N * DAY_MS;
    const rows = await figures.figuresPerDay(this.db, accountId, days);
    const totals = await figures.codTotals(this.db, accountId, overdueBefore);
    return {
      timezone,
      currency,
      overdue_days: N,
      from,
      to,
      // A day's unpaid collections are overdue once the whole day is N days old.
      days: rows.map((r, i) => ({
        ...r,
        overdue: (days[i]?.end ?? Infinity) <= overdueBefore ? r.outstanding : 0,
      })),
      totals,
    };
  }

  async shipments(
    accountId: number,
    q: { filter: figures.CodFilter; page: number; limit: number },
    now = Date.now(),
  ) {
    const overdueBefore = now - (await repo.overdueDays(this.db, accountId)) * DAY_MS;
    const { rows, total } = await figures.codShipmentRows(this.db, accountId, {
      filter: q.filter,
      overdueBefore,
      limit: q.limit,
      offset: (q.page - 1) * q.limit,
    });
    return { items: rows.map((r) => codState(r, overdueBefore)), total, page: q.page };
  }

  /** The COD state of each AWB of one order (404 for an order of another account). */
  async ofOrder(accountId: number, orderId: number, now = Date.now()) {
    const order = await this.db
      .selectFrom('orders')
      .select('id')
      .where('account_id', '=', accountId)
      .where('id', '=', orderId)
      .executeTakeFirst();
    if (!order) throw new NotFound('order_not_found', 'This order was not found.');
    const overdueBefore = now - (await repo.overdueDays(this.db, accountId)) * DAY_MS;
    const { rows } = await figures.codShipmentRows(this.db, accountId, {
      filter: 'all',
      overdueBefore,
      orderId,
      limit: 50,
      offset: 0,
    });
    return { items: rows.map((r) => codState(r, overdueBefore)) };
  }

  /** Couriers whose API reports COD settlements (the "import from courier" choices). */
  apiCouriers() {
    return this.couriers
      .keys()
      .map((k) => this.couriers.find(k))
      .filter((c) => c?.codSettlements !== undefined)
      .map((c) => ({ key: c?.key ?? '', name: c?.name ?? '' }));
  }

  private courierKey(key: string): string {
    if (!this.couriers.find(key)) throw new Invalid('courier_unknown', 'Unknown courier.');
    return key;
  }

  /** The preview step: the header, the first rows and the columns detected. Nothing is stored. */
  async previewFile(file: UploadedFile) {
    const table = await readSettlementFile(file.name, file.bytes);
    return {
      file_name: file.name,
      headers: table.headers,
      sample: table.rows
        .slice(0, 5)
        .map((r) => table.headers.map((_h, i) => cellText(r[i] ?? null))),
      row_count: table.rows.length,
      detected: detectColumns(table.headers),
    };
  }

  /** Imports a file under the columns the owner confirmed; answers the import's counts. */
  async importFile(
    accountId: number,
    actor: Actor,
    input: { courier: string; file: UploadedFile; columns: ColumnChoice },
  ) {
    const courier = this.courierKey(input.courier);
    const table = await readSettlementFile(input.file.name, input.file.bytes);
    const { lines, rejected } = linesOf(table, input.columns);
    const { timezone, currency } = await repo.accountZone(this.db, accountId);
    const id = await this.db.transaction().execute(async (trx) => {
      const importId = await repo.insertImport(trx, {
        accountId,
        courier,
        source: 'file',
        fileName: input.file.name.slice(0, 200),
        state: 'running',
        range: null,
        createdBy: actor.label,
      });
      await this.store(
        trx,
        accountId,
        importId,
        courier,
        lines.map((l) => ({
          awb: l.awb,
          amountMinor: l.amountMinor,
          currency,
          paidAt: localMidnight(l.paidDay, timezone),
          reference: l.reference,
        })),
      );
      return importId;
    });
    return { ...(await this.importOut(accountId, id)), rejected_rows: rejected };
  }

  /** Counts new / known / unmatched of one import's lines and closes the import. */
  private async store(
    trx: Kysely<DB>,
    accountId: number,
    importId: number,
    courier: string,
    lines: repo.NewLine[],
  ): Promise<void> {
    const added = await repo.insertLines(trx, accountId, importId, courier, lines);
    await repo.matchLines(trx, accountId);
    const awbs = [...new Set(lines.map((l) => l.awb))];
    const unmatched = await repo.unmatchedAwbs(trx, accountId, courier, awbs);
    const unmatchedSet = new Set(unmatched);
    await repo.setImportState(trx, accountId, importId, {
      state: 'done',
      counts: {
        total: lines.length,
        new: added,
        known: lines.length - added,
        unmatched: lines.filter((l) => unmatchedSet.has(l.awb)).length,
      },
      unmatchedAwbs: unmatched.slice(0, 200),
    });
  }

  /** Starts an API import (a job); answers the import row to follow. */
  async startCourierImport(
    accountId: number,
    actor: Actor,
    input: { courier: string; from?: string; to?: string },
    now = Date.now(),
  ) {
    const courier = this.courierKey(input.courier);
    if (!this.couriers.find(courier)?.codSettlements)
      throw new Invalid('cod_courier_no_api', 'This courier does not report settlements by API.');
    const { timezone } = await repo.accountZone(this.db, accountId);
    const to = input.to ?? localDayOf(now, timezone);
    const from = input.from ?? addDays(to, -(API_LOOKBACK_DAYS - 1));
    if (from > to || addDays(from, MAX_RANGE_DAYS - 1) < to)
      throw new Invalid('cod_range_invalid', `Choose at most ${MAX_RANGE_DAYS} days, from ≤ to.`);
    const id = await this.queueImport(accountId, courier, { from, to }, actor.label, now);
    return this.importOut(accountId, id);
  }

  private async queueImport(
    accountId: number,
    courier: string,
    range: { from: string; to: string },
    by: string,
    now = Date.now(),
  ): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const id = await repo.insertImport(trx, {
        accountId,
        courier,
        source: 'api',
        fileName: '',
        state: 'queued',
        range,
        createdBy: by,
        now,
      });
      await enqueue(trx, {
        kind: 'cod.import',
        accountId,
        payload: { import_id: id },
        dedupeKey: `cod.import:${id}`,
        maxAttempts: 1,
      });
      return id;
    });
  }

  /** The daily tick: an API import per account and courier with a login, not read for 20 h. */
  async enqueueDaily(now = Date.now()): Promise<number> {
    const keys = this.apiCouriers().map((c) => c.key);
    let queued = 0;
    for (const a of await repo.accountsWithCourier(this.db, keys)) {
      const recent = await this.db
        .selectFrom('cod_imports')
        .select('id')
        .where('account_id', '=', a.account_id)
        .where('courier', '=', a.courier)
        .where('source', '=', 'api')
        .where('created_at', '>', now - DAILY_GAP_MS)
        .executeTakeFirst();
      if (recent) continue;
      const { timezone } = await repo.accountZone(this.db, a.account_id);
      const to = localDayOf(now, timezone);
      await this.queueImport(
        a.account_id,
        a.courier,
        { from: addDays(to, -(API_LOOKBACK_DAYS - 1)), to },
        'system',
        now,
      );
      queued++;
    }
    return queued;
  }

  /** The job: asks the courier once; a refusal or an unreachable courier fails the import. */
  async runImport(importId: number): Promise<void> {
    const row = await repo.importById(this.db, importId);
    if (!row || row.state !== 'queued') return;
    const accountId = row.account_id;
    await repo.setImportState(this.db, accountId, importId, { state: 'running' });
    const courier = this.couriers.find(row.courier);
    const fail = (messages: CourierMessage[]) =>
      repo.setImportState(this.db, accountId, importId, { state: 'failed', messages });
    if (!courier?.codSettlements) return fail([{ code: 'cod_courier_no_api', text: '' }]);
    let answer: Awaited<ReturnType<NonNullable<typeof courier.codSettlements>>>;
    try {
      answer = await courier.codSettlements(await this.contextOf(accountId, row.courier), {
        from: row.range_from ?? '',
        to: row.range_to ?? '',
      });
    } catch {
      return fail([{ code: 'courier_unreachable', text: '' }]);
    }
    if (!answer.ok) return fail(answer.messages);
    const lines = answer.lines;
    await this.db.transaction().execute((trx) =>
      this.store(
        trx,
        accountId,
        importId,
        row.courier,
        lines.map((l) => ({
          awb: l.awb,
          amountMinor: l.amountMinor,
          currency: l.currency,
          paidAt: l.paidAt,
          reference: l.reference,
        })),
      ),
    );
  }

  async imports(accountId: number) {
    const rows = await repo.listImports(this.db, accountId, 20);
    return { items: rows.map(importShape) };
  }

  async importOut(accountId: number, id: number) {
    const row = await repo.findImport(this.db, accountId, id);
    if (!row) throw new NotFound('cod_import_not_found', 'This import was not found.');
    return importShape(row);
  }
}

function importShape(r: ImportRow) {
  return {
    id: r.id,
    courier: r.courier,
    source: r.source,
    file_name: r.file_name,
    state: r.state,
    range_from: r.range_from,
    range_to: r.range_to,
    lines_total: r.lines_total,
    lines_new: r.lines_new,
    lines_known: r.lines_known,
    lines_unmatched: r.lines_unmatched,
    unmatched_awbs: parseJsonColumn<string[]>(r.unmatched_awbs, []),
    messages: parseJsonColumn<CourierMessage[]>(r.messages, []),
    created_by: r.created_by,
    created_at: r.created_at,
    finished_at: r.finished_at,
  };
}

function codState(r: figures.CodShipmentRow, overdueBefore: number) {
  const collected = r.delivered_at !== null ? r.cod_minor : 0;
  const outstanding = Math.max(collected - r.paid, 0);
  return {
    shipment_id: r.shipment_id,
    order_id: r.order_id,
    order_number: r.order_number,
    courier: r.courier,
    awb: r.awb,
    status: r.status,
    currency: r.currency,
    expected: r.cod_minor,
    collected,
    paid_out: r.paid,
    outstanding,
    delivered_at: r.delivered_at,
    overdue: outstanding > 0 && r.delivered_at !== null && r.delivered_at < overdueBefore,
    returned: r.status === 'returned',
  };
}

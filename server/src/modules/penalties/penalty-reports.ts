import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { Forbidden } from '../../shared/errors.js';
import { iso } from '../../shared/json.js';
import { toDecimal } from '../../shared/money.js';
import type { AuthContext } from '../accounts/accounts.service.js';
import { IN_FORCE } from './ledger.js';
import { toPenaltyOut } from './penalties.mapping.js';
import * as repo from './penalties.repo.js';
import type { DefaultTypeCode, PenaltyState, RecordOut, SummaryOut } from './penalties.schema.js';
import { localMonthOf, localMonthRange, startOfLocalWeek } from './working-time.js';

/** Names of the default types in the files a payroll person opens (the account's language). */
const TYPE_NAMES: Record<'ro' | 'en', Record<DefaultTypeCode, string>> = {
  ro: {
    wrong_item: 'Produs greșit',
    missing_item: 'Produs lipsă',
    wrong_quantity: 'Cantitate greșită',
    damaged_packing: 'Ambalare deteriorată',
    late_packing: 'Ambalare întârziată',
    wrong_label: 'Etichetă greșită',
  },
  en: {
    wrong_item: 'Wrong item',
    missing_item: 'Missing item',
    wrong_quantity: 'Wrong quantity',
    damaged_packing: 'Damaged packing',
    late_packing: 'Late packing',
    wrong_label: 'Wrong label',
  },
};
const HEADERS = {
  ro: ['ID împachetator', 'Împachetator', 'Tip penalizare', 'Număr', 'Total'],
  en: ['Packer ID', 'Packer', 'Penalty type', 'Count', 'Total'],
};

/** States a packer sees at the station: decided ones (a proposal is not theirs to see yet). */
const SHOWN_AT_STATION: PenaltyState[] = [
  'applied',
  'contested',
  'upheld',
  'cancelled',
  'reversed',
];

export interface ExportFile {
  contentType: string;
  filename: string;
  body: Buffer;
}

/** Monthly sums per packer (and their files), and a packer's own record at the station. */
export class PenaltyReports {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Penalties in force (applied, contested, upheld) created in the account's local month,
   * summed per packer and per type in exact minor units.
   */
  async summary(accountId: number, month: string): Promise<SummaryOut> {
    const account = await repo.accountOf(this.db, accountId);
    const [from, to] = localMonthRange(month, account.timezone);
    const rows = await repo.listPenalties(this.db, accountId, { from, to, states: IN_FORCE });
    const byPacker = new Map<number, SummaryOut['items'][number]>();
    for (const r of rows.map(toPenaltyOut)) {
      let p = byPacker.get(r.packer_id);
      if (!p) {
        p = {
          packer_id: r.packer_id,
          packer_name: r.packer_name,
          total_minor: 0,
          count: 0,
          by_type: [],
        };
        byPacker.set(r.packer_id, p);
      }
      p.total_minor += r.amount_minor;
      p.count += 1;
      let t = p.by_type.find((x) => x.type_id === r.type_id);
      if (!t) {
        t = {
          type_id: r.type_id,
          type_code: r.type_code,
          type_name: r.type_name,
          count: 0,
          total_minor: 0,
        };
        p.by_type.push(t);
      }
      t.count += 1;
      t.total_minor += r.amount_minor;
    }
    const items = [...byPacker.values()].sort(
      (a, b) => a.packer_name.localeCompare(b.packer_name) || a.packer_id - b.packer_id,
    );
    for (const p of items) p.by_type.sort((a, b) => a.type_id - b.type_id);
    return { month, currency: account.currency, items };
  }

  /**
   * The summary as a file: one row per packer and type, a header row, counts and amounts as
   * numbers (major units, the currency named in the header).
   */
  async export(accountId: number, month: string, format: 'csv' | 'xlsx'): Promise<ExportFile> {
    const account = await repo.accountOf(this.db, accountId);
    const lang = account.language === 'en' ? 'en' : 'ro';
    const s = await this.summary(accountId, month);
    const header = [...HEADERS[lang].slice(0, 4), `${HEADERS[lang][4]} (${s.currency})`];
    const rows: [number, string, string, number, number][] = [];
    for (const p of s.items)
      for (const t of p.by_type)
        rows.push([
          p.packer_id,
          p.packer_name,
          t.type_name ?? (t.type_code ? TYPE_NAMES[lang][t.type_code] : String(t.type_id)),
          t.count,
          Number(toDecimal(t.total_minor)),
        ]);
    const base = `penalties-${month}`;
    if (format === 'csv') {
      const lines = [header, ...rows].map((r) =>
        r.map((v) => (typeof v === 'number' ? String(v) : csvText(v))).join(','),
      );
      // A BOM so that spreadsheet programs read the diacritics as UTF-8.
      return {
        contentType: 'text/csv; charset=utf-8',
        filename: `${base}.csv`,
        body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
      };
    }
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(month);
    ws.addRow(header).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.getColumn(5).numFmt = '0.00';
    ws.columns.forEach((c, i) => (c.width = [12, 28, 28, 10, 14][i] ?? 12));
    return {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: `${base}.xlsx`,
      body: Buffer.from(await wb.xlsx.writeBuffer()),
    };
  }

  /** A packer's own week or month: packed orders, median time to pack, their penalties. */
  async stationRecord(auth: AuthContext, period: 'week' | 'month'): Promise<RecordOut> {
    if (auth.packerId === null) throw new Forbidden('not_a_packer', 'The station is for packers.');
    const accountId = auth.accountId;
    const account = await repo.accountOf(this.db, accountId);
    const now = Date.now();
    const from =
      period === 'week'
        ? startOfLocalWeek(now, account.timezone)
        : localMonthRange(localMonthOf(now, account.timezone), account.timezone)[0];
    // Packed by this packer's user: the order's change log says who packed and when.
    const packed = await this.db
      .selectFrom('audit_events as a')
      .innerJoin('orders as o', (j) =>
        j.onRef('o.id', '=', 'a.entity_id').on('o.account_id', '=', accountId),
      )
      .select(['a.entity_id', 'a.created_at', 'o.confirmed_at'])
      .where('a.account_id', '=', accountId)
      .where('a.entity', '=', 'order')
      .where('a.action', '=', 'packed')
      .where('a.actor_user_id', '=', auth.userId)
      .where('a.created_at', '>=', from)
      .where('a.created_at', '<=', now)
      .execute();
    const seconds = packed
      .filter((p) => p.confirmed_at !== null && Number(p.confirmed_at) <= Number(p.created_at))
      .map((p) => Math.round((Number(p.created_at) - Number(p.confirmed_at)) / 1000))
      .sort((a, b) => a - b);
    const rows = await repo.listPenalties(this.db, accountId, {
      packerId: auth.packerId,
      from,
      to: now + 1,
      states: SHOWN_AT_STATION,
    });
    const entries = await repo.listEntries(
      this.db,
      accountId,
      rows.map((r) => Number(r.id)),
    );
    const penalties = rows.map((r) => {
      const own = entries.filter((e) => Number(e.penalty_id) === Number(r.id));
      const contest = own.filter((e) => e.state === 'contested').at(-1);
      const answer = own.filter((e) => e.state === 'upheld' || e.state === 'cancelled').at(-1);
      return {
        ...toPenaltyOut(r),
        contest_comment: contest?.comment ?? null,
        answer: answer
          ? { outcome: answer.state as 'upheld' | 'cancelled', comment: answer.comment ?? '' }
          : null,
      };
    });
    return {
      period,
      from: iso(from),
      to: iso(now),
      packed_orders: new Set(packed.map((p) => Number(p.entity_id))).size,
      median_pack_seconds: median(seconds),
      penalties,
      total_applied_minor: penalties
        .filter((p) => IN_FORCE.includes(p.state))
        .reduce((sum, p) => sum + p.amount_minor, 0),
    };
  }
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const a = sorted[mid] ?? 0;
  return sorted.length % 2 ? a : Math.round(((sorted[mid - 1] ?? 0) + a) / 2);
}

/** A CSV text field, quoted; a leading = + - @ is defused so no spreadsheet runs it. */
function csvText(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

import ExcelJS from 'exceljs';
import { toDecimal } from '../../../shared/money.js';
import type { DaysReport, PackersReport, ShippingReport } from '../reports.schema.js';
import {
  type Cell,
  type Column,
  daysTable,
  headerOf,
  type Lang,
  packersTable,
  shippingTable,
  type Table,
} from './tables.js';

export type ExportKind = 'packers' | 'days' | 'shipping';
export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  contentType: string;
  filename: string;
  body: Buffer;
}

export type AnyReport =
  | { kind: 'packers'; report: PackersReport }
  | { kind: 'days'; report: DaysReport }
  | { kind: 'shipping'; report: ShippingReport };

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The table of a report (tables.ts), written as CSV or XLSX. */
export async function exportReport(
  r: AnyReport,
  format: ExportFormat,
  lang: Lang,
): Promise<ExportFile> {
  const table =
    r.kind === 'packers'
      ? packersTable(r.report)
      : r.kind === 'days'
        ? daysTable(r.report, lang)
        : shippingTable(r.report, lang);
  const { currency, from, to } = r.report;
  const body =
    format === 'csv' ? toCsv(table, lang, currency) : await toXlsx(table, lang, currency);
  return {
    contentType: CONTENT_TYPES[format],
    filename: `ecomdir-${r.kind}-${from}_${to}.${format}`,
    body,
  };
}

/**
 * RFC 4180: CRLF lines, every text quoted, UTF-8 with a BOM (Excel reads the diacritics), a
 * `.` decimal point; money in major units with 2 decimals; nothing to show is an empty field.
 */
export function toCsv(t: Table, lang: Lang, currency: string): Buffer {
  const lines = [
    t.columns.map((c) => csvText(headerOf(c, lang, currency))).join(','),
    ...t.rows.map((row) => row.map((v, i) => csvCell(t.columns[i], v)).join(',')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

function csvCell(c: Column | undefined, v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'string') return csvText(v);
  if (c?.type === 'money') return toDecimal(v);
  return String(v);
}

/** A CSV text field, quoted; a leading = + - @ is defused so no spreadsheet runs it. */
function csvText(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

const NUM_FMT: Partial<Record<Column['type'], string>> = {
  integer: '0',
  minutes: '0',
  money: '0.00',
  rate: '0.0%',
  day: 'yyyy-mm-dd',
};

/**
 * One sheet: a bold, frozen header row; typed cells — numbers for counts and minutes, money as
 * a number with 2 decimals, rates as percent-formatted fractions, days as real dates.
 */
export async function toXlsx(t: Table, lang: Lang, currency: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(t.columns.map((c) => headerOf(c, lang, currency))).font = { bold: true };
  for (const row of t.rows) ws.addRow(row.map((v, i) => xlsxCell(t.columns[i], v)));
  t.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = Math.min(40, Math.max(10, headerOf(c, lang, currency).length + 2));
    const fmt = NUM_FMT[c.type];
    // The header row keeps its text; only the figures below it take the number format.
    if (fmt)
      column.eachCell((cell, rowNumber) => {
        if (rowNumber > 1 && typeof cell.value !== 'string') cell.numFmt = fmt;
      });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function xlsxCell(c: Column | undefined, v: Cell): ExcelJS.CellValue {
  if (v === null) return null;
  if (c?.type === 'money' && typeof v === 'number') return v / 100;
  // A day as a date cell at its UTC midnight: Excel's dates carry no zone.
  if (c?.type === 'day' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
    return new Date(`${v}T00:00:00Z`);
  return v;
}

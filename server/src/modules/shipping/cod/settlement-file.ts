import ExcelJS from 'exceljs';
import { Invalid } from '../../../shared/errors.js';

/**
 * Reading a courier's COD settlement export (CSV or XLSX) into lines. Pure apart from exceljs
 * reading a buffer: no database, no HTTP. The couriers' exports differ in column names, title
 * rows above the header, separators and number formats, so the columns are detected from the
 * header names the couriers use and the owner confirms or picks them (the preview step).
 */

export type Cell = string | number | Date | null;
export interface SheetTable {
  headers: string[];
  rows: Cell[][];
}
export const COLUMN_ROLES = ['awb', 'amount', 'paid_at', 'reference'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];
export type ColumnChoice = Record<ColumnRole, number | null>;

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 20_000;

/** Header names seen in the couriers' exports, normalized (lower case, no diacritics). */
const KNOWN_HEADERS: Record<ColumnRole, string[]> = {
  awb: [
    'awb',
    'nr awb',
    'numar awb',
    'awb number',
    'awb no',
    'cod awb',
    'nr expeditie',
    'awb colet',
  ],
  amount: [
    'ramburs',
    'valoare ramburs',
    'suma ramburs',
    'ramburs incasat',
    'suma incasata',
    'suma',
    'cod amount',
    'amount',
    'valoare',
  ],
  paid_at: [
    'data plata',
    'data platii',
    'data virament',
    'data viramentului',
    'data op',
    'data decont',
    'payment date',
    'paid at',
    'data',
  ],
  reference: [
    'referinta',
    'referinta op',
    'op',
    'nr op',
    'numar op',
    'ordin de plata',
    'borderou',
    'nr borderou',
    'decont',
    'nr decont',
    'reference',
  ],
};

export function normalizeHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The column of each role: an exact known name first (in the list's order), else one containing it. */
export function detectColumns(headers: string[]): ColumnChoice {
  const norm = headers.map(normalizeHeader);
  const taken = new Set<number>();
  const choice = { awb: null, amount: null, paid_at: null, reference: null } as ColumnChoice;
  for (const role of COLUMN_ROLES) {
    for (const known of KNOWN_HEADERS[role]) {
      const i = norm.findIndex((h, idx) => h === known && !taken.has(idx));
      if (i >= 0) {
        choice[role] = i;
        taken.add(i);
        break;
      }
    }
  }
  // "Valoare ramburs (RON)", "Nr. AWB expeditie": a known name inside a longer header.
  for (const role of ['awb', 'amount', 'paid_at'] as const) {
    if (choice[role] !== null) continue;
    const i = norm.findIndex(
      (h, idx) => !taken.has(idx) && KNOWN_HEADERS[role].some((k) => k.length > 3 && h.includes(k)),
    );
    if (i >= 0) {
      choice[role] = i;
      taken.add(i);
    }
  }
  return choice;
}

/** Reads the file into a header and rows; the header is the first row naming an AWB column. */
export async function readSettlementFile(name: string, bytes: Buffer): Promise<SheetTable> {
  if (bytes.length > MAX_FILE_BYTES)
    throw new Invalid('cod_file_too_large', 'The file is larger than 5 MB.');
  const lower = name.toLowerCase();
  let grid: Cell[][];
  if (lower.endsWith('.xlsx')) grid = await readXlsx(bytes);
  else if (lower.endsWith('.csv') || lower.endsWith('.txt')) grid = parseCsv(decodeText(bytes));
  else throw new Invalid('cod_file_type', 'Only CSV and XLSX files can be imported.');
  if (grid.length > MAX_ROWS + 10)
    throw new Invalid('cod_file_too_large', `The file has more than ${MAX_ROWS} rows.`);
  const nonEmpty = grid.filter((r) => r.some((c) => cellText(c) !== ''));
  if (nonEmpty.length === 0) throw new Invalid('cod_file_empty', 'The file has no rows.');
  // Exports often start with a title and the period above the header row.
  let at = nonEmpty.findIndex((r, i) => i < 10 && detectColumns(r.map(cellText)).awb !== null);
  if (at < 0) at = 0;
  const headers = (nonEmpty[at] ?? []).map(cellText);
  return { headers, rows: nonEmpty.slice(at + 1) };
}

function decodeText(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Older Romanian exports from Excel are in Windows-1250 (ș ț ă î â).
    text = new TextDecoder('windows-1250').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

/** CSV with `;`, `,` or tab (the most frequent of the first line), quotes doubled inside quotes. */
export function parseCsv(text: string): Cell[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const sep = [';', ',', '\t'].reduce((best, s) =>
    firstLine.split(s).length > firstLine.split(best).length ? s : best,
  );
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

async function readXlsx(bytes: Buffer): Promise<Cell[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new Invalid('cod_file_unreadable', 'The XLSX file could not be read.');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Invalid('cod_file_empty', 'The file has no sheets.');
  const out: Cell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (r) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= r.cellCount; c++) cells.push(xlsxCell(r.getCell(c).value));
    out.push(cells);
  });
  return out;
}

function xlsxCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return xlsxCell(v.result);
    if ('text' in v) return String(v.text);
  }
  return null;
}

export function cellText(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
}

/** "1.234,56", "1,234.56", "114,80 lei", 114.8 → minor units; null when not an amount. */
export function parseAmount(c: Cell): number | null {
  if (typeof c === 'number') return Number.isFinite(c) ? Math.round(c * 100) : null;
  let s = cellText(c)
    .replace(/\s|lei|ron|eur/gi, '')
    .replace(/[^\d.,-]/g, '');
  if (!/\d/.test(s)) return null;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the last one is the decimal separator, the other groups thousands.
    s = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma >= 0) {
    s = (s.match(/,/g) ?? []).length > 1 ? s.replace(/,/g, '') : s.replace(',', '.');
  } else if ((s.match(/\./g) ?? []).length > 1) s = s.replace(/\./g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Math.round(Number(s) * 100);
}

/** "05.11.2026", "05/11/2026 14:20", "2026-11-05", an Excel date or serial → YYYY-MM-DD. */
export function parseDay(c: Cell): string | null {
  // exceljs gives dates as the wall-clock time written in UTC fields.
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : c.toISOString().slice(0, 10);
  if (typeof c === 'number') {
    if (c < 20000 || c > 80000) return null;
    return new Date(Date.UTC(1899, 11, 30) + Math.floor(c) * 86_400_000).toISOString().slice(0, 10);
  }
  const s = cellText(c);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  if (m) return validDay(m[1], m[2], m[3]);
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})/.exec(s);
  if (m) return validDay(m[3], m[2], m[1]);
  return null;
}

function validDay(y = '', mo = '', d = ''): string | null {
  const day = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day ? null : day;
}

export interface FileLine {
  awb: string;
  amountMinor: number;
  paidDay: string;
  reference: string;
}
export interface RejectedRow {
  /** The row's number in the file as a spreadsheet shows it (1 = the header). */
  row: number;
  field: ColumnRole;
}

/** The lines of the table under the chosen columns; rows without an AWB (totals) are skipped. */
export function linesOf(
  table: SheetTable,
  cols: ColumnChoice,
): { lines: FileLine[]; rejected: RejectedRow[] } {
  const { awb, amount, paid_at: paidAt, reference } = cols;
  if (awb === null || amount === null || paidAt === null)
    throw new Invalid('cod_columns_missing', 'Choose the AWB, amount and payment date columns.');
  const width = table.headers.length;
  for (const i of [awb, amount, paidAt, reference])
    if (i !== null && (i < 0 || i >= Math.max(width, 1)))
      throw new Invalid('cod_columns_missing', 'A chosen column is not in the file.');
  const lines: FileLine[] = [];
  const rejected: RejectedRow[] = [];
  table.rows.forEach((r, i) => {
    const row = i + 2;
    const a = cellText(r[awb] ?? null).replace(/\s/g, '');
    // A totals row ("Total", empty AWB) is not a line.
    if (!a || !/\d/.test(a)) return;
    const amountMinor = parseAmount(r[amount] ?? null);
    if (amountMinor === null || amountMinor < 0)
      return void rejected.push({ row, field: 'amount' });
    const paidDay = parseDay(r[paidAt] ?? null);
    if (!paidDay) return void rejected.push({ row, field: 'paid_at' });
    const ref = reference === null ? '' : cellText(r[reference] ?? null);
    lines.push({ awb: a, amountMinor, paidDay, reference: ref });
  });
  return { lines, rejected };
}

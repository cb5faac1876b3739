import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';

/** A CSV file read back by RFC 4180 (quoted fields, "" for a quote, CRLF lines); BOM checked. */
export function readCsv(body: Buffer): string[][] {
  const text = body.toString('utf8');
  assert.equal(text.charCodeAt(0), 0xfeff, 'the CSV starts with a BOM');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      assert.notEqual(ch, '\n', 'lines end with CRLF');
      field += ch;
    }
  }
  assert.equal(field + row.join(''), '', 'the last line ends with CRLF');
  return rows;
}

export interface XlsxSheet {
  ws: ExcelJS.Worksheet;
  /** Cell values, row by row (1-based rows and columns mapped to 0-based arrays). */
  rows: unknown[][];
}

/** The first sheet of an XLSX file, its values row by row. */
export async function readXlsx(body: Buffer): Promise<XlsxSheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  assert.ok(ws, 'one sheet');
  const rows: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const out: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) out.push(ws.getRow(r).getCell(c).value ?? null);
    rows.push(out);
  }
  return { ws, rows };
}

type Type = 'integer' | 'minutes' | 'rate' | 'money' | 'day' | 'text';

/** What the CSV must say for an API value of a column type (money in major units, 2 decimals). */
export function csvOf(type: Type, v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (type === 'money') {
    const n = Number(v);
    return `${n < 0 ? '-' : ''}${Math.floor(Math.abs(n) / 100)}.${String(Math.abs(n) % 100).padStart(2, '0')}`;
  }
  return String(v);
}

/** Asserts an XLSX cell holds the API value `v` as the right kind of cell. */
export function assertXlsxCell(
  type: Type,
  cell: unknown,
  v: string | number | null | undefined,
  label: string,
): void {
  if (v === null || v === undefined) return assert.equal(cell, null, label);
  if (type === 'money') {
    assert.equal(typeof cell, 'number', label);
    return assert.equal(Math.round((cell as number) * 100), v, label);
  }
  if (type === 'day' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    assert.ok(cell instanceof Date, `${label}: a date cell`);
    return assert.equal(cell.toISOString().slice(0, 10), v, label);
  }
  if (type === 'text' || typeof v === 'string') return assert.equal(cell, v, label);
  assert.equal(typeof cell, 'number', label);
  assert.equal(cell, v, label);
}

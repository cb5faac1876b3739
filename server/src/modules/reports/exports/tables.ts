import type {
  DayRow,
  DaysReport,
  PackerRow,
  PackersReport,
  ShippingReport,
  ShippingRow,
} from '../reports.schema.js';

/**
 * What each exported file holds, defined once for both writers (csv.ts, xlsx.ts): the CSV and
 * the XLSX never disagree with each other, and each cell is a figure of the API's JSON.
 *
 * - integer: a count; minutes: whole minutes (empty when there is nothing to measure);
 * - rate: a fraction 0..1 as in the API (the XLSX shows it as a percentage);
 * - money: integer minor units in the API, major units with 2 decimals in the file, the
 *   currency named in the header; day: a local day YYYY-MM-DD (a real date cell in XLSX);
 * - text: as is.
 */
export type ColumnType = 'integer' | 'minutes' | 'rate' | 'money' | 'day' | 'text';
export type Lang = 'ro' | 'en';

export interface Column {
  /** The field's path in the API row (`to_confirm.median_work`), or a column of the file's own. */
  key: string;
  header: Record<Lang, string>;
  type: ColumnType;
}

/** A cell as the API has it: minor units for money, a fraction for rates, null for nothing. */
export type Cell = string | number | null;

export interface Table {
  /** The sheet's name and the file name's first part. */
  name: string;
  columns: Column[];
  rows: Cell[][];
}

const col = (key: string, type: ColumnType, ro: string, en: string): Column => ({
  key,
  type,
  header: { ro, en },
});

/**
 * The headers are the dashboard's own column headers (web/src/i18n, `reports.packers.*`,
 * `reports.days.*`, `reports.shipping.*`, `reports.durations.*`), so the owner finds in the file
 * the words of the page; web/test/export-headers.test.ts fails when they drift apart. A column
 * the dashboard shows under a group header (durations, scans, penalties) is named "Group: column",
 * as a flat file has no row of groups. Minutes are whole minutes in the file, hence "min".
 */
const durations = (key: string, ro: string, en: string): Column[] => [
  col(`${key}.median_work`, 'minutes', `${ro}: Mediană (lucru), min`, `${en}: Median (work), min`),
  col(`${key}.p90_work`, 'minutes', `${ro}: p90 (lucru), min`, `${en}: p90 (work), min`),
  col(`${key}.median_wall`, 'minutes', `${ro}: Mediană (real), min`, `${en}: Median (wall), min`),
  col(`${key}.p90_wall`, 'minutes', `${ro}: p90 (real), min`, `${en}: p90 (wall), min`),
];

export const PACKER_COLUMNS: Column[] = [
  col('packer_id', 'integer', 'ID împachetator', 'Packer ID'),
  col('packer_name', 'text', 'Împachetator', 'Packer'),
  col('assigned', 'integer', 'Primite', 'Assigned'),
  col('confirmed', 'integer', 'Confirmate', 'Confirmed'),
  col('packed', 'integer', 'Împachetate', 'Packed'),
  col('items_packed', 'integer', 'Produse', 'Items'),
  ...durations('to_confirm', 'Primire → confirmare', 'Assignment → confirmation'),
  ...durations('to_pack', 'Confirmare → împachetare', 'Confirmation → packed'),
  col('orders_with_mismatch', 'integer', 'Scanări: Cu scanare greșită', 'Scans: With a wrong scan'),
  col('scan_mismatch_rate', 'rate', 'Scanări: Rată greșeli', 'Scans: Mistake rate'),
  col('penalties_proposed', 'integer', 'Penalizări: Propuse', 'Penalties: Proposed'),
  col('penalties_applied', 'integer', 'Penalizări: Aplicate', 'Penalties: Applied'),
  col('penalties_waived', 'integer', 'Penalizări: Anulate', 'Penalties: Waived'),
  col('penalties_sum', 'money', 'Penalizări: Suma', 'Penalties: Sum'),
  col('moved_away', 'integer', 'Mutate de la el', 'Moved away'),
];

export const DAY_COLUMNS: Column[] = [
  col('day', 'day', 'Ziua', 'Day'),
  col('orders_in', 'integer', 'Intrate', 'In'),
  col('distributed', 'integer', 'Distribuite', 'Distributed'),
  col('packed', 'integer', 'Împachetate', 'Packed'),
  col('shipped', 'integer', 'Expediate', 'Shipped'),
  col('delivered', 'integer', 'Livrate', 'Delivered'),
  col('returned', 'integer', 'Returnate', 'Returned'),
  col('cod_to_collect', 'money', 'Ramburs de încasat', 'COD to collect'),
  col('cod_collected', 'money', 'Ramburs încasat', 'COD collected'),
  col('cod_outstanding', 'money', 'Ramburs restant', 'COD outstanding'),
  col('backlog', 'integer', 'Rămase la final de zi', 'Backlog at day end'),
];

/** Kind and key are the file's own columns (the page shows two tables and no keys). */
export const SHIPPING_COLUMNS: Column[] = [
  col('kind', 'text', 'Tip', 'Kind'),
  col('key', 'text', 'Cheie', 'Key'),
  col('name', 'text', 'Nume', 'Name'),
  col('orders', 'integer', 'Comenzi', 'Orders'),
  col('shipments', 'integer', 'AWB-uri', 'AWBs'),
  col('to_awb_median', 'minutes', 'Comandă → AWB, mediană, min', 'Order → AWB, median, min'),
  col('to_awb_p90', 'minutes', 'Comandă → AWB, p90, min', 'Order → AWB, p90, min'),
  col('delivered', 'integer', 'Livrate', 'Delivered'),
  col('returned', 'integer', 'Returnate', 'Returned'),
  col('delivery_rate', 'rate', 'Rată de livrare', 'Delivery rate'),
  col('return_rate', 'rate', 'Rată de retur', 'Return rate'),
];

/** The words a file writes in cells of its own (not figures of the API). */
export const WORDS: Record<Lang, { total: string; store: string; courier: string }> = {
  ro: { total: 'Total', store: 'Magazin', courier: 'Curier' },
  en: { total: 'Total', store: 'Store', courier: 'Courier' },
};

/** The value at a dotted path of a row (`to_pack.p90_wall`); undefined when absent. */
export function valueAt(row: object, key: string): Cell | undefined {
  let v: unknown = row;
  for (const part of key.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v as Cell | undefined;
}

const cells = (columns: Column[], row: object): Cell[] =>
  columns.map((c) => valueAt(row, c.key) ?? null);

export function packersTable(r: PackersReport): Table {
  return {
    name: 'packers',
    columns: PACKER_COLUMNS,
    rows: r.packers.map((p: PackerRow) => cells(PACKER_COLUMNS, p)),
  };
}

/** One row per day, then the totals (the day column says "Total"; no outstanding, no backlog). */
export function daysTable(r: DaysReport, lang: Lang): Table {
  return {
    name: 'days',
    columns: DAY_COLUMNS,
    rows: [
      ...r.days.map((d: DayRow) => cells(DAY_COLUMNS, d)),
      cells(DAY_COLUMNS, { ...r.totals, day: WORDS[lang].total }),
    ],
  };
}

/** The stores, then the couriers; the first column says which. */
export function shippingTable(r: ShippingReport, lang: Lang): Table {
  const rows = (kind: string, list: ShippingRow[]) =>
    list.map((s) => cells(SHIPPING_COLUMNS, { ...s, kind }));
  return {
    name: 'shipping',
    columns: SHIPPING_COLUMNS,
    rows: [...rows(WORDS[lang].store, r.stores), ...rows(WORDS[lang].courier, r.couriers)],
  };
}

/** A column's header in the file: money names its currency ("Total penalizări (RON)"). */
export function headerOf(c: Column, lang: Lang, currency: string): string {
  return c.type === 'money' ? `${c.header[lang]} (${currency})` : c.header[lang];
}

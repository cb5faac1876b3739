// The report files (CSV, XLSX) name their columns with the words of the Reports page: an owner
// who reads "Împachetate" on the page finds "Împachetate" in the file, not "Ambalate". The
// server keeps its own copy of the words (it cannot read the dashboard's catalogs at run time);
// this test fails when the two drift apart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DAY_COLUMNS,
  PACKER_COLUMNS,
  SHIPPING_COLUMNS,
  type Column,
} from '../../server/src/modules/reports/exports/tables.ts';
import en from '../src/i18n/en.json' with { type: 'json' };
import ro from '../src/i18n/ro.json' with { type: 'json' };

type Words = typeof ro.reports;
const CATALOGS = { ro: ro.reports, en: en.reports } as const;

/** The dashboard's header of each exported column, as the table shows it (group: column). */
function pageHeader(w: Words, key: string): string | undefined {
  const p = w.packers;
  const durations = (group: string, k: string) =>
    `${group}: ${w.durations[k as keyof Words['durations']]}, min`;
  const [head, tail] = key.split('.');
  if (head === 'to_confirm' && tail) return durations(p.toConfirm, tail);
  if (head === 'to_pack' && tail) return durations(p.toPack, tail);
  const packers: Record<string, string> = {
    packer_name: p.packer,
    assigned: p.assigned,
    confirmed: p.confirmed,
    packed: p.packed,
    items_packed: p.items,
    orders_with_mismatch: `${p.scans}: ${p.withMismatch}`,
    scan_mismatch_rate: `${p.scans}: ${p.mismatchRate}`,
    penalties_proposed: `${p.penalties}: ${p.proposed}`,
    penalties_applied: `${p.penalties}: ${p.applied}`,
    penalties_waived: `${p.penalties}: ${p.waived}`,
    penalties_sum: `${p.penalties}: ${p.sum}`,
    moved_away: p.movedAway,
  };
  return packers[key];
}

function shippingHeader(w: Words, key: string): string | undefined {
  const s = w.shipping;
  const words: Record<string, string> = {
    name: s.name,
    orders: s.orders,
    shipments: s.shipments,
    to_awb_median: `${s.toAwbMedian}, min`,
    to_awb_p90: `${s.toAwbP90}, min`,
    delivered: s.delivered,
    returned: s.returned,
    delivery_rate: s.deliveryRate,
    return_rate: s.returnRate,
  };
  return words[key];
}

function check(columns: Column[], expected: (w: Words, key: string) => string | undefined) {
  for (const lang of ['ro', 'en'] as const) {
    const named = columns
      .map((c) => ({ c, page: expected(CATALOGS[lang], c.key) }))
      .filter((x) => x.page !== undefined);
    assert.ok(named.length >= columns.length - 2, `${lang}: most columns are on the page`);
    for (const { c, page } of named) assert.equal(c.header[lang], page, `${lang} ${c.key}`);
  }
}

test('the packers file says what the packers table says', () => {
  check(PACKER_COLUMNS, pageHeader);
});

test('the days file says what the days table says', () => {
  check(DAY_COLUMNS, (w, key) => w.days[key as keyof Words['days']]);
});

test('the stores & couriers file says what its tables say', () => {
  check(SHIPPING_COLUMNS, shippingHeader);
});

test('no export header keeps the old word for packing (ambalat…)', () => {
  for (const c of [...PACKER_COLUMNS, ...DAY_COLUMNS, ...SHIPPING_COLUMNS])
    assert.doesNotMatch(c.header.ro, /ambal/i, c.key);
});

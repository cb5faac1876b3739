import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { localDayOf, localDays, localMidnight } from '../../../shared/local-days.js';
import {
  detectColumns,
  linesOf,
  parseAmount,
  parseCsv,
  parseDay,
  readSettlementFile,
} from './settlement-file.js';

const fixture = (name: string) =>
  fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name));

describe('COD settlement files', () => {
  it('detects the columns from the couriers’ Romanian header names', () => {
    assert.deepEqual(
      detectColumns([
        'Nr. AWB',
        'Data livrare',
        'Destinatar',
        'Valoare ramburs',
        'Data virament',
        'Nr. OP',
      ]),
      { awb: 0, amount: 3, paid_at: 4, reference: 5 },
    );
    assert.deepEqual(detectColumns(['AWB', 'Suma', 'Data plată', 'Referință']), {
      awb: 0,
      amount: 1,
      paid_at: 2,
      reference: 3,
    });
    // A known name inside a longer header; no reference column.
    assert.deepEqual(
      detectColumns(['Numar AWB expeditie', 'Valoare ramburs (RON)', 'Data plata OP']),
      {
        awb: 0,
        amount: 1,
        paid_at: 2,
        reference: null,
      },
    );
    assert.deepEqual(detectColumns(['Produs', 'Cantitate']), {
      awb: null,
      amount: null,
      paid_at: null,
      reference: null,
    });
  });

  it('reads amounts in Romanian and English notation as minor units', () => {
    const cases: [string | number, number | null][] = [
      ['114,80', 11480],
      ['1.234,56', 123456],
      ['1,234.56', 123456],
      ['250', 25000],
      ['89.9', 8990],
      ['  40,00 lei', 4000],
      [89.9, 8990],
      ['1.234.567', 123456700],
      ['abc', null],
      ['', null],
    ];
    for (const [input, minor] of cases) assert.equal(parseAmount(input), minor, String(input));
  });

  it('reads dates as days: dd.mm.yyyy, ISO, Excel dates and serials; refuses impossible ones', () => {
    assert.equal(parseDay('06.11.2026'), '2026-11-06');
    assert.equal(parseDay('6/11/2026 14:20'), '2026-11-06');
    assert.equal(parseDay('2026-11-06T10:00:00'), '2026-11-06');
    assert.equal(parseDay(new Date(Date.UTC(2026, 10, 10))), '2026-11-10');
    assert.equal(parseDay(46332), '2026-11-06');
    assert.equal(parseDay('31.02.2026'), null);
    assert.equal(parseDay('ieri'), null);
  });

  it('parses CSV with quotes, doubled quotes and the separator inside quotes', () => {
    assert.deepEqual(parseCsv('a;b\r\n"x; y";"say ""hi"""\n'), [
      ['a', 'b'],
      ['x; y', 'say "hi"'],
    ]);
    assert.deepEqual(parseCsv('a,b\n1,2'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads the recorded FAN CSV: header under the title rows, the totals row skipped', async () => {
    const t = await readSettlementFile(
      'fan-borderou-ramburs.csv',
      fixture('fan-borderou-ramburs.csv'),
    );
    assert.equal(t.headers[0], 'Nr. AWB');
    const { lines, rejected } = linesOf(t, detectColumns(t.headers));
    assert.deepEqual(rejected, []);
    assert.deepEqual(lines, [
      { awb: '2100000001', amountMinor: 11480, paidDay: '2026-11-06', reference: 'OP 4411' },
      { awb: '2100000002', amountMinor: 25000, paidDay: '2026-11-06', reference: 'OP 4411' },
      { awb: '2199999999', amountMinor: 4000, paidDay: '2026-11-06', reference: 'OP 4411' },
    ]);
  });

  it('reads the recorded XLSX: number and date cells, a formula totals row skipped', async () => {
    const t = await readSettlementFile('rambursuri-virate.xlsx', fixture('rambursuri-virate.xlsx'));
    assert.deepEqual(t.headers, [
      'AWB',
      'Referinta client',
      'Destinatar',
      'Suma ramburs',
      'Data plata',
      'Referinta',
    ]);
    const { lines } = linesOf(t, detectColumns(t.headers));
    assert.deepEqual(lines, [
      { awb: '2100000003', amountMinor: 8990, paidDay: '2026-11-10', reference: 'OP 5120' },
      { awb: '2100000001', amountMinor: 11480, paidDay: '2026-11-06', reference: 'OP 4411' },
    ]);
  });

  it('reports rows whose amount or date cannot be read, by their row number', async () => {
    const csv = Buffer.from(
      'AWB;Suma;Data plata\n111;12,50;01.11.2026\n222;doi lei;01.11.2026\n333;5;mâine\n',
    );
    const t = await readSettlementFile('x.csv', csv);
    const r = linesOf(t, detectColumns(t.headers));
    assert.equal(r.lines.length, 1);
    assert.deepEqual(r.rejected, [
      { row: 3, field: 'amount' },
      { row: 4, field: 'paid_at' },
    ]);
  });

  it('refuses other file types, empty files, garbage XLSX and missing columns with codes', async () => {
    const code = async (p: Promise<unknown>) =>
      p.then(
        () => 'none',
        (e: { code?: string }) => e.code,
      );
    assert.equal(await code(readSettlementFile('a.pdf', Buffer.from('%PDF'))), 'cod_file_type');
    assert.equal(await code(readSettlementFile('a.csv', Buffer.from('\n\n'))), 'cod_file_empty');
    assert.equal(
      await code(readSettlementFile('a.xlsx', Buffer.from('not a zip'))),
      'cod_file_unreadable',
    );
    assert.equal(
      await code(readSettlementFile('a.csv', Buffer.alloc(5 * 1024 * 1024 + 1, 'a'))),
      'cod_file_too_large',
    );
    const t = await readSettlementFile('a.csv', Buffer.from('AWB;Suma\n1;2\n'));
    assert.throws(() => linesOf(t, detectColumns(t.headers)), { code: 'cod_columns_missing' });
  });

  it('reads Windows-1250 CSV (ș, ț from older Excel exports)', async () => {
    // Windows-1250 has the cedilla forms: ţ is 0xFE, ă is 0xE3.
    const bytes = Buffer.concat([
      Buffer.from('AWB;Suma;Data plata;Referin'),
      Buffer.from([0xfe, 0xe3]),
      Buffer.from('\n9;1;01.11.2026;OP\n'),
    ]);
    const t = await readSettlementFile('a.csv', bytes);
    assert.equal(t.headers[3], 'Referin\u0163\u0103');
    assert.equal(detectColumns(t.headers).reference, 3);
  });
});

describe('local days of the account’s time zone', () => {
  it('has 23- and 25-hour days at the DST changes in Bucharest', () => {
    const [spring] = localDays('2026-03-29', '2026-03-29', 'Europe/Bucharest');
    const [autumn] = localDays('2026-10-25', '2026-10-25', 'Europe/Bucharest');
    assert.equal(((spring?.end ?? 0) - (spring?.start ?? 0)) / 3600_000, 23);
    assert.equal(((autumn?.end ?? 0) - (autumn?.start ?? 0)) / 3600_000, 25);
    assert.equal(localMidnight('2026-11-04', 'Europe/Bucharest'), Date.UTC(2026, 10, 3, 22));
    assert.equal(localMidnight('2026-07-01', 'Europe/Bucharest'), Date.UTC(2026, 5, 30, 21));
    assert.equal(localDayOf(Date.UTC(2026, 10, 3, 22, 30), 'Europe/Bucharest'), '2026-11-04');
    assert.equal(localDayOf(Date.UTC(2026, 10, 3, 21, 59), 'Europe/Bucharest'), '2026-11-03');
    assert.equal(localDays('2026-11-02', '2026-11-01', 'UTC').length, 0);
  });
});

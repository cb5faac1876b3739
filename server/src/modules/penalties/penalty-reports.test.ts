import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createPacker } from '../../../test/support/factories.js';
import type { Client } from '../../../test/support/test-app.js';
import { ownerClient, startTestApp } from '../../../test/support/test-app.js';
import type { PenaltyOut, SummaryOut } from './penalties.schema.js';
import { localMonthOf } from './working-time.js';

/** RFC 4180 fields: quoted with doubled quotes, or bare. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)) {
    const cells: string[] = [];
    const re = /("((?:[^"]|"")*)"|[^,]*)(,|$)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line)) && m[0] !== '') {
      cells.push(m[2] !== undefined ? m[2].replace(/""/g, '"') : (m[1] ?? ''));
      if (m[3] === '') break;
    }
    rows.push(cells);
  }
  return rows;
}

describe('penalties: monthly summary, CSV and XLSX exports, photos', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Client & { accountId: number };
  let types: { id: number; code: string | null }[] = [];
  const month = localMonthOf(Date.now(), 'Europe/Bucharest');

  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
    types = (await owner.get('/api/penalty-types')).json<{ items: typeof types }>().items;
  });
  after(() => app.cleanup());

  const typeId = (code: string) => types.find((t) => t.code === code)?.id ?? 0;
  const add = async (body: object) => {
    const r = await owner.post('/api/penalties', body);
    assert.equal(r.statusCode, 201, r.body);
    return r.json<PenaltyOut>();
  };

  it('sums penalties in force per packer and type, exactly, and the files say the same', async () => {
    const ana = (await createPacker(owner, { name: '=Ana "Zâna"' })).id;
    const bogdan = (await createPacker(owner, { name: 'Bogdan Ștefan' })).id;
    await add({ packer_id: ana, type_id: typeId('wrong_item'), amount_minor: 1001 });
    await add({ packer_id: ana, type_id: typeId('wrong_item'), amount_minor: 2002 });
    await add({ packer_id: ana, type_id: typeId('late_packing') });
    const reversed = await add({
      packer_id: ana,
      type_id: typeId('late_packing'),
      amount_minor: 99999,
    });
    await owner.post(`/api/penalties/${reversed.id}/reverse`, { reason: 'greșit' });
    await add({ packer_id: bogdan, type_id: typeId('damaged_packing'), amount_minor: 1 });
    // A proposal (a manager's without permission would be one) does not count: made by a rule.
    await app.database.db.transaction().execute(async (trx) => {
      const { propose } = await import('./penalty-rules.js');
      const { reason } = await import('../../shared/reasons.js');
      await propose(trx, app.services.events, {
        accountId: owner.accountId,
        packerId: bogdan,
        orderId: null,
        rule: 'packing_error',
        typeCode: 'wrong_item',
        event: { kind: 'order_return', id: 1 },
        key: 'test:1',
        reason: reason('packing_error_return'),
        at: Date.now(),
      });
    });

    const s = (await owner.get(`/api/penalties/summary?month=${month}`)).json<SummaryOut>();
    assert.equal(s.currency, 'RON');
    assert.deepEqual(
      s.items.map((p) => [p.packer_name, p.count, p.total_minor]),
      [
        ['=Ana "Zâna"', 3, 1001 + 2002 + 2000],
        ['Bogdan Ștefan', 1, 1],
      ],
    );
    assert.deepEqual(
      s.items[0]?.by_type.map((t) => [t.type_code, t.count, t.total_minor]),
      [
        ['wrong_item', 2, 3003],
        ['late_packing', 1, 2000],
      ],
    );
    const expected = s.items.flatMap((p) =>
      p.by_type.map((t) => [p.packer_id, p.packer_name, t.count, t.total_minor]),
    );

    const xlsx = await owner.get(`/api/penalties/summary/export?month=${month}&format=xlsx`);
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-disposition']), /penalties-\d{4}-\d{2}\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    assert.ok(ws);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(header, [
      'ID împachetator',
      'Împachetator',
      'Tip penalizare',
      'Număr',
      'Total (RON)',
    ]);
    const fromXlsx: unknown[][] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const v = (row.values as unknown[]).slice(1);
      assert.equal(typeof v[3], 'number', 'counts are numbers');
      assert.equal(typeof v[4], 'number', 'amounts are numbers');
      fromXlsx.push([v[0], v[1], v[3], Math.round((v[4] as number) * 100)]);
    });
    assert.deepEqual(fromXlsx, expected);
    assert.equal(
      ws.getRow(2).getCell(3).value,
      'Produs greșit',
      'default types named in the account’s language',
    );

    const csv = await owner.get(`/api/penalties/summary/export?month=${month}&format=csv`);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    const rows = parseCsv(csv.body);
    assert.deepEqual(rows[0], [
      'ID împachetator',
      'Împachetator',
      'Tip penalizare',
      'Număr',
      'Total (RON)',
    ]);
    assert.deepEqual(
      rows.slice(1).map((r) => [Number(r[0]), r[1], Number(r[3]), Math.round(Number(r[4]) * 100)]),
      expected.map((e) => (e[1] === '=Ana "Zâna"' ? [e[0], `'=Ana "Zâna"`, e[2], e[3]] : e)),
      'a name that starts with = is defused for spreadsheets',
    );
    assert.match(csv.body, /,10\.01|,30\.03/, 'amounts written as plain numbers');
  });

  it('an empty month is an empty summary; a malformed month is refused', async () => {
    const s = (await owner.get('/api/penalties/summary?month=2020-01')).json<SummaryOut>();
    assert.deepEqual(s.items, []);
    assert.equal((await owner.get('/api/penalties/summary?month=2020-13')).statusCode, 400);
    assert.equal(
      (await owner.get(`/api/penalties/summary/export?month=${month}&format=pdf`)).statusCode,
      400,
    );
  });

  it('keeps one photo per penalty under DATA_DIR with a name of its own, checked by content', async () => {
    const packer = (await createPacker(owner)).id;
    const p = await add({ packer_id: packer, type_id: typeId('damaged_packing') });
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 7),
    ]);
    const form = (name: string, type: string, body: Buffer) => {
      const boundary = 'XbOuNdArY';
      return {
        payload: Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
          ),
          body,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      };
    };
    const send = (f: ReturnType<typeof form>) =>
      app.http.inject({
        method: 'POST',
        url: `/api/penalties/${p.id}/photo`,
        payload: f.payload,
        headers: { ...f.headers, cookie: owner.cookie, 'x-csrf-token': owner.csrf },
      });
    const fake = await send(form('x.png', 'image/png', Buffer.from('<?php echo 1; ?>')));
    assert.equal(fake.statusCode, 400, fake.body);
    assert.equal(fake.json<{ error: { code: string } }>().error.code, 'penalty_photo_invalid');
    const ok = await send(form('../../etc/passwd.png', 'image/png', png));
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json<PenaltyOut>().has_photo, true);
    assert.equal((await send(form('b.png', 'image/png', png))).statusCode, 409);
    const big = await send(
      form('big.png', 'image/png', Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)])),
    );
    assert.ok([400, 413].includes(big.statusCode), `${big.statusCode} ${big.body}`);
    const got = await owner.get(`/api/penalties/${p.id}/photo`);
    assert.equal(got.statusCode, 200);
    assert.equal(got.headers['content-type'], 'image/png');
    assert.deepEqual(got.rawPayload, png);
    const row = await app.database.db
      .selectFrom('penalty_photos')
      .select('file')
      .where('penalty_id', '=', p.id)
      .executeTakeFirstOrThrow();
    assert.match(row.file, new RegExp(`^${p.id}-[0-9a-f]{24}\\.png$`));
    // The test's DATA_DIR is a temporary ecomdir-test-* folder: the file is there, private.
    const stored = fs
      .readdirSync(os.tmpdir())
      .filter((d) => d.startsWith('ecomdir-test-'))
      .map((d) => path.join(os.tmpdir(), d, 'penalty-photos', String(owner.accountId), row.file))
      .filter((f) => fs.existsSync(f));
    assert.equal(stored.length, 1);
    assert.equal(fs.statSync(stored[0] ?? '').mode & 0o777, 0o600);
    assert.equal(
      (
        await owner.get(
          `/api/penalties/${(await add({ packer_id: packer, type_id: typeId('wrong_label') })).id}/photo`,
        )
      ).statusCode,
      404,
    );
  });
});

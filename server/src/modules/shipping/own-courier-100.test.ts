// The own courier end to end for a day's worth of parcels, the way the dashboard drives it:
// 100 phone orders → one bulk request → the jobs run → the labels of the batch as one A6 PDF,
// as A4 sheets of four and as ZPL. The PDF is read back by poppler (pages, text) and a sample
// of its barcodes by ZXing, so a label that only looks right in our own code fails here.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createOrder } from '../../../test/support/factories.js';
import {
  decodeBarcodes,
  pageCount,
  pageTexts,
  pdfOnDisk,
  renderPages,
} from '../../../test/support/pdf-probe.js';
import { ownerClient, startTestApp } from '../../../test/support/test-app.js';
import type { BatchOut } from './shipping.schema.js';
import type { z } from 'zod';

const COUNT = 100;
const SENDER = {
  id: 'depozit',
  label: 'Depozit',
  name: 'Magazinul Ștrumfilor',
  phone: '0264000111',
  address1: 'Str. Fabricii 3',
  city: 'Cluj-Napoca',
  county: 'Cluj',
};
// Every order gets its own recipient, with diacritics, so a label printed for the wrong
// order (or with its letters dropped) is caught by its text.
const recipient = (n: number) => `Țărănescu Ștefănică${n}`;

describe('own courier end to end for 100 orders', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Awaited<ReturnType<typeof ownerClient>>;
  const awbOfOrder = new Map<number, string>();
  const nameOfAwb = new Map<string, string>();
  let shipmentIds: number[] = [];

  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
    const put = await owner.request('PUT', '/api/shipping/settings', {
      sender_addresses: [SENDER],
    });
    assert.equal(put.statusCode, 200, put.body);
    const orderIds: number[] = [];
    for (let n = 0; n < COUNT; n++) {
      const order = await createOrder(owner, {
        billing: {
          first_name: 'Ștefănică' + n,
          last_name: 'Țărănescu',
          phone: `07${String(40000000 + n).padStart(8, '0')}`,
          address_1: `Str. Mărășești nr. ${n + 1}`,
          city: 'Brașov',
          state: 'BV',
          postcode: '500001',
        },
      });
      orderIds.push(order.id);
    }
    const res = await owner.post('/api/shipments/bulk', { order_ids: orderIds });
    assert.equal(res.statusCode, 202, res.body);
    const { batch_id } = res.json<{ batch_id: number }>();
    await app.worker.runUntilIdle();
    const batch = (await owner.get(`/api/shipments/batches/${batch_id}`)).json<
      z.infer<typeof BatchOut>
    >();
    assert.deepEqual([batch.total, batch.done, batch.made, batch.failed], [COUNT, COUNT, COUNT, 0]);
    for (const item of batch.items) {
      assert.ok(item.awb && item.shipment_id, JSON.stringify(item));
      awbOfOrder.set(item.order_id, item.awb);
      nameOfAwb.set(item.awb, recipient(orderIds.indexOf(item.order_id)));
    }
    assert.equal(new Set(awbOfOrder.values()).size, COUNT, 'one distinct AWB per order');
    shipmentIds = batch.items.map((i) => i.shipment_id ?? 0);
  });
  after(() => app.cleanup());

  const labels = (format: string) =>
    owner.get(`/api/shipments/labels?ids=${shipmentIds.join(',')}&format=${format}&sort=order`);
  /** The AWBs of the batch that a text carries. */
  const awbsIn = (text: string) => [...nameOfAwb.keys()].filter((awb) => text.includes(awb));

  it('A6: one PDF of 100 pages, each the label of one order, barcodes read back', async () => {
    const res = await labels('a6');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    const pdf = pdfOnDisk(res.rawPayload);
    try {
      assert.equal(pageCount(pdf.file), COUNT);
      const pages = pageTexts(pdf.file);
      assert.equal(pages.length, COUNT);
      const onPage = pages.map((text, i) => {
        const found = awbsIn(text);
        assert.equal(found.length, 1, `page ${i + 1} carries one AWB: ${text}`);
        const awb = found[0] ?? '';
        // The recipient of that AWB's order, diacritics and all, is on the same page.
        const [first = '', last = ''] = (nameOfAwb.get(awb) ?? '').split(' ').reverse();
        assert.ok(text.includes(first) && text.includes(last), `page ${i + 1}: ${text}`);
        return awb;
      });
      assert.equal(new Set(onPage).size, COUNT, 'every AWB printed once');
      // A sample of barcodes, first, middle and last page: the scanner reads the page's AWB.
      for (const page of [1, 50, COUNT]) {
        const [image = ''] = renderPages(pdf.file, {
          first: page,
          last: page,
          dpi: 150,
          crop: { xMm: 0, yMm: 118, widthMm: 100, heightMm: 23 },
          prefix: path.join(pdf.dir, `bar${page}`),
        });
        assert.deepEqual(await decodeBarcodes(image, 'code128'), [onPage[page - 1]]);
      }
    } finally {
      pdf.close();
    }
  });

  it('A4×4: 25 sheets carrying the same 100 AWBs, four on each', async () => {
    const res = await labels('a4x4');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/pdf');
    const pdf = pdfOnDisk(res.rawPayload);
    try {
      assert.equal(pageCount(pdf.file), 25);
      const sheets = pageTexts(pdf.file);
      const printed = sheets.flatMap((text, i) => {
        const found = awbsIn(text);
        assert.equal(found.length, 4, `sheet ${i + 1}: ${text}`);
        return found;
      });
      assert.equal(new Set(printed).size, COUNT);
    } finally {
      pdf.close();
    }
  });

  it('ZPL: 100 label blocks, each carrying its own AWB', async () => {
    const res = await labels('zpl');
    assert.equal(res.statusCode, 200, res.body);
    const blocks = res.body.split('^XA').slice(1);
    assert.equal(blocks.length, COUNT);
    assert.ok(blocks.every((block) => block.includes('^XZ')));
    const printed = blocks.map((block, i) => {
      const found = awbsIn(block);
      assert.equal(found.length, 1, `block ${i + 1}`);
      return found[0];
    });
    assert.equal(new Set(printed).size, COUNT);
  });
});

// The picking list a packer carries to the shelves and the packing slip that goes in a parcel,
// read back from the PDF as text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sampleSlipOrder } from '../../../../test/support/label-fixtures.js';
import { pageCount, pageTexts, pdfOnDisk } from '../../../../test/support/pdf-probe.js';
import type { RenderedDocument, SlipOrder } from './label-data.js';
import { pickingLines, renderPackingSlips, renderPickingList } from './slips.js';

function readBack(doc: RenderedDocument): { pages: number; texts: string[] } {
  const file = pdfOnDisk(doc.body);
  try {
    return { pages: pageCount(file.file), texts: pageTexts(file.file) };
  } finally {
    file.close();
  }
}

function order(orderNumber: string, items: SlipOrder['items']): SlipOrder {
  return { ...sampleSlipOrder(1), orderNumber, items, customerNote: null };
}

describe('picking list', () => {
  it('sums quantities by SKU across orders, natural SKU order, items without a SKU last', () => {
    const lines = pickingLines([
      order('#1', [
        { sku: 'A-10', name: 'Ceai negru', quantity: 2 },
        { sku: 'A-2', name: 'Ceai verde', quantity: 1 },
        { sku: null, name: 'Felicitare', quantity: 1 },
      ]),
      order('#2', [
        { sku: 'A-2', name: 'Ceai verde', quantity: 3 },
        { sku: 'A-2', name: 'Ceai verde', quantity: 1 }, // the same SKU twice in one order
        { sku: 'Ș-1', name: 'Șal', quantity: 1 },
      ]),
      order('#3', [
        { sku: null, name: 'Felicitare', quantity: 2 },
        { sku: 'B-1', name: 'Borcan', quantity: 5 },
      ]),
    ]);
    assert.deepEqual(
      lines.map((line) => [line.sku, line.name, line.quantity, line.orders]),
      [
        ['A-2', 'Ceai verde', 5, 2],
        ['A-10', 'Ceai negru', 2, 1],
        ['B-1', 'Borcan', 5, 1],
        ['Ș-1', 'Șal', 1, 1],
        [null, 'Felicitare', 3, 2],
      ],
    );
  });

  it('prints every line once, in order, with the total', async () => {
    const orders = Array.from({ length: 30 }, (_, n) => sampleSlipOrder(n));
    const doc = await renderPickingList(orders, '2026-07-01T09:30:00Z');
    const { pages, texts } = readBack(doc);
    assert.equal(pages, 1);
    assert.equal(doc.pages, 1);
    const page = texts[0] ?? '';
    // sampleSlipOrder: CEAI-VERDE-100 × (1 + n % 3), CANĂ-ȚĂRĂNEASCĂ × 1, a card on even orders.
    const tea = orders.reduce((sum, _, n) => sum + 1 + (n % 3), 0);
    const total = tea + 30 + 15;
    assert.ok(page.includes('Listă de colectare'));
    assert.ok(page.includes(`30 comenzi · ${total} produse`), page);
    assert.ok(page.includes('01.07.2026, 12:30'), 'Bucharest summer time (UTC+3)');
    const at = (value: string) => page.indexOf(value);
    assert.ok(at('CANĂ-ȚĂRĂNEASCĂ Cană țărănească pictată 30 30') >= 0, page);
    assert.ok(at(`CEAI-VERDE-100 Ceai verde (100 g) ${tea} 30`) > at('CANĂ-ȚĂRĂNEASCĂ'));
    assert.ok(at('(fără SKU) Felicitare scrisă de mână 15 15') > at('CEAI-VERDE-100'));
    assert.ok(at(`Total ${total}`) > at('(fără SKU)'));
  });

  it('runs onto more pages when the selection is long, each SKU once', async () => {
    const items = Array.from({ length: 80 }, (_, n) => ({
      sku: `RAFT-${n + 1}`,
      name: `Produs ${n + 1}`,
      quantity: 1,
    }));
    const doc = await renderPickingList([order('#9', items)]);
    const { pages, texts } = readBack(doc);
    assert.equal(pages, doc.pages);
    assert.ok(pages >= 2, `${pages} pages`);
    const all = texts.join(' ');
    for (let n = 1; n <= 80; n++) {
      assert.equal(all.split(`RAFT-${n} `).length - 1, 1, `RAFT-${n} once`);
    }
    assert.ok(all.indexOf('RAFT-9 ') < all.indexOf('RAFT-10 '), 'natural order');
    assert.ok((texts.at(-1) ?? '').includes('Total 80'));
  });
});

describe('packing slips', () => {
  it('one page per order: the recipient, every item with its quantity, the note', async () => {
    const orders = Array.from({ length: 10 }, (_, n) => sampleSlipOrder(n));
    const doc = await renderPackingSlips(orders);
    const { pages, texts } = readBack(doc);
    assert.equal(pages, 10);
    assert.equal(doc.pages, 10);
    orders.forEach((slip, i) => {
      const page = texts[i] ?? '';
      assert.ok(page.includes('Fișă de ambalare'));
      assert.ok(page.includes(`Comanda ${slip.orderNumber}`), page);
      assert.ok(page.includes(`AWB ${slip.awb}`));
      assert.ok(page.includes(slip.recipient.name));
      assert.ok(page.includes(slip.recipient.phone));
      for (const item of slip.items) {
        assert.ok(page.includes(`${item.sku ?? '(fără SKU)'} ${item.name} ${item.quantity}`), page);
      }
      const count = slip.items.reduce((sum, item) => sum + item.quantity, 0);
      assert.ok(page.includes(`Total ${count}`));
      assert.equal(page.includes('Vă rog ambalați cadou, mulțumesc!'), Boolean(slip.customerNote));
    });
  });

  it('an order with a long list runs onto a second page', async () => {
    const items = Array.from({ length: 60 }, (_, n) => ({
      sku: `S-${n}`,
      name: `Ață ${n}`,
      quantity: 2,
    }));
    const doc = await renderPackingSlips([order('#77', items), sampleSlipOrder(2)]);
    const { pages, texts } = readBack(doc);
    assert.equal(pages, 3);
    assert.equal(doc.pages, 3);
    assert.ok(texts[1]?.includes('Comanda #77') && texts[1]?.includes('Total 120'));
    assert.ok(texts[2]?.includes('Comanda #5002'));
  });

  it('an empty selection is a 400', async () => {
    await assert.rejects(renderPackingSlips([]), { status: 400, code: 'invalid_request' });
    await assert.rejects(renderPickingList([]), { status: 400, code: 'invalid_request' });
  });
});

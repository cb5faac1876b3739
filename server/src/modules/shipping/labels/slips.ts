// The paper that goes with a batch: a picking list (what to take from the shelves for the whole
// selection, summed by SKU) and packing slips (one per order: what goes in this parcel). A4,
// the same fonts and writer as the labels.
import { Invalid } from '../../../shared/errors.js';
import type { RenderedDocument, SlipOrder } from './label-data.js';
import { CAPTIONS, addressLines, bucharestDateTime } from './label-text.js';
import { text } from './layout.js';
import { addPage, drawRule, drawText, finishPdf, newPdf, type Pdf } from './pdf-writer.js';

export interface PickingLine {
  sku: string | null;
  name: string;
  quantity: number;
  orders: number; // how many orders of the selection want it
}

const skuOrder = new Intl.Collator('ro', { numeric: true, sensitivity: 'base' });

/**
 * The selection's items summed by SKU and sorted by SKU (naturally: "A-2" before "A-10"); items
 * without a SKU are summed by name and come last, since the shelves are labelled by SKU.
 */
export function pickingLines(orders: SlipOrder[]): PickingLine[] {
  const lines = new Map<string, PickingLine>();
  for (const order of orders) {
    const counted = new Set<string>();
    for (const item of order.items) {
      const key = item.sku ? `sku:${item.sku}` : `name:${item.name}`;
      const line = lines.get(key) ?? { sku: item.sku, name: item.name, quantity: 0, orders: 0 };
      line.quantity += item.quantity;
      if (!counted.has(key)) line.orders++;
      counted.add(key);
      lines.set(key, line);
    }
  }
  return [...lines.values()].sort((a, b) => {
    if (a.sku && b.sku) return skuOrder.compare(a.sku, b.sku);
    if (a.sku || b.sku) return a.sku ? -1 : 1;
    return skuOrder.compare(a.name, b.name);
  });
}

// A4 in millimetres; rows of a table are ROW tall.
const PAGE = { width: 210, height: 297, margin: 15 };
const ROW = 7;
const COLUMNS = { sku: PAGE.margin, name: 70, quantity: 160, orders: 178, end: 195 };

export async function renderPickingList(
  orders: SlipOrder[],
  printedAt = new Date().toISOString(),
): Promise<RenderedDocument> {
  if (orders.length === 0) throw new Invalid('invalid_request', 'no orders to pick');
  const lines = pickingLines(orders);
  const total = lines.reduce((sum, line) => sum + line.quantity, 0);
  const doc = newPdf(CAPTIONS.pickingTitle);
  const pages = tablePages(
    doc,
    lines.length + 1,
    (page, y) => {
      if (page === 0) {
        drawText(doc, text(PAGE.margin, y, 120, 16, CAPTIONS.pickingTitle, { bold: true }));
        drawText(doc, text(110, y + 1, 85, 9, bucharestDateTime(printedAt), { align: 'right' }));
        const summary = `${orders.length} ${CAPTIONS.orders} · ${total} ${CAPTIONS.products}`;
        drawText(doc, text(PAGE.margin, y + 8, 120, 10, summary));
        return y + 16;
      }
      return y;
    },
    (y) => {
      drawText(doc, text(COLUMNS.sku, y, 54, 9, CAPTIONS.sku, { bold: true }));
      drawText(doc, text(COLUMNS.name, y, 88, 9, CAPTIONS.product, { bold: true }));
      drawText(
        doc,
        text(COLUMNS.quantity, y, 16, 9, CAPTIONS.quantity, { bold: true, align: 'right' }),
      );
      drawText(
        doc,
        text(COLUMNS.orders, y, 17, 9, CAPTIONS.inOrders, { bold: true, align: 'right' }),
      );
    },
    (row, y) => {
      const line = lines[row];
      if (!line) {
        drawText(doc, text(COLUMNS.name, y, 88, 10, CAPTIONS.total, { bold: true }));
        drawText(
          doc,
          text(COLUMNS.quantity, y, 16, 10, String(total), { bold: true, align: 'right' }),
        );
        return;
      }
      drawText(
        doc,
        text(COLUMNS.sku, y, 54, 10, line.sku ?? CAPTIONS.noSku, { bold: line.sku !== null }),
      );
      drawText(doc, text(COLUMNS.name, y, 88, 10, line.name));
      drawText(
        doc,
        text(COLUMNS.quantity, y, 16, 11, String(line.quantity), { bold: true, align: 'right' }),
      );
      drawText(doc, text(COLUMNS.orders, y, 17, 10, String(line.orders), { align: 'right' }));
    },
  );
  return {
    contentType: 'application/pdf',
    body: await finishPdf(doc),
    pages,
    filename: `picking-${orders.length}-orders.pdf`,
  };
}

/** One packing slip per order (an order with a very long list runs onto a second page). */
export async function renderPackingSlips(orders: SlipOrder[]): Promise<RenderedDocument> {
  if (orders.length === 0) throw new Invalid('invalid_request', 'no orders to pack');
  const doc = newPdf(CAPTIONS.packingTitle);
  let pages = 0;
  for (const order of orders) {
    const count = order.items.reduce((sum, item) => sum + item.quantity, 0);
    pages += tablePages(
      doc,
      order.items.length + 1,
      (page, y) => {
        drawText(doc, text(PAGE.margin, y, 120, 16, CAPTIONS.packingTitle, { bold: true }));
        drawText(doc, text(110, y, 85, 10, order.storeName, { align: 'right', bold: true }));
        drawText(
          doc,
          text(PAGE.margin, y + 8, 120, 12, `${CAPTIONS.order} ${order.orderNumber}`, {
            bold: true,
          }),
        );
        if (order.awb) {
          drawText(
            doc,
            text(110, y + 8, 85, 10, `${CAPTIONS.awb} ${order.awb}`, { align: 'right' }),
          );
        }
        if (page > 0) return y + 16;
        const address = addressLines(order.recipient);
        const lines = [
          order.recipient.name,
          order.recipient.company ?? '',
          address.street,
          [address.city, address.region].filter(Boolean).join(', '),
          `${CAPTIONS.phone} ${order.recipient.phone}`,
        ].filter(Boolean);
        lines.forEach((line, i) =>
          drawText(doc, text(PAGE.margin, y + 17 + i * 5, 120, 10, line, { bold: i === 0 })),
        );
        let next = y + 19 + lines.length * 5;
        if (order.customerNote) {
          const note = `${CAPTIONS.customerNote}: ${order.customerNote}`;
          drawText(
            doc,
            text(PAGE.margin, next, COLUMNS.end - PAGE.margin, 10, note, { maxLines: 3 }),
          );
          next += 16;
        }
        return next;
      },
      (y) => {
        drawText(doc, text(COLUMNS.sku, y, 54, 9, CAPTIONS.sku, { bold: true }));
        drawText(doc, text(COLUMNS.name, y, 100, 9, CAPTIONS.product, { bold: true }));
        drawText(
          doc,
          text(COLUMNS.orders, y, 17, 9, CAPTIONS.quantity, { bold: true, align: 'right' }),
        );
      },
      (row, y) => {
        const item = order.items[row];
        if (!item) {
          drawText(doc, text(COLUMNS.name, y, 100, 10, CAPTIONS.total, { bold: true }));
          drawText(
            doc,
            text(COLUMNS.orders, y, 17, 10, String(count), { bold: true, align: 'right' }),
          );
          return;
        }
        drawText(doc, text(COLUMNS.sku, y, 54, 10, item.sku ?? CAPTIONS.noSku));
        drawText(doc, text(COLUMNS.name, y, 100, 10, item.name, { maxLines: 1 }));
        drawText(
          doc,
          text(COLUMNS.orders, y, 17, 12, String(item.quantity), { bold: true, align: 'right' }),
        );
      },
    );
  }
  return {
    contentType: 'application/pdf',
    body: await finishPdf(doc),
    pages,
    filename: `packing-slips-${orders.length}-orders.pdf`,
  };
}

/**
 * Lays `rows` table rows over as many A4 pages as they need: `header` draws the page's top and
 * returns where the table starts, `columns` the column titles, `row` one row. Returns the pages.
 */
function tablePages(
  doc: Pdf,
  rows: number,
  header: (page: number, top: number) => number,
  columns: (y: number) => void,
  row: (index: number, y: number) => void,
): number {
  const bottom = PAGE.height - PAGE.margin - ROW;
  let page = 0;
  let index = 0;
  while (index < rows) {
    addPage(doc, PAGE.width, PAGE.height);
    let y = header(page, PAGE.margin);
    columns(y);
    drawRule(doc, PAGE.margin, y + ROW - 1.5, COLUMNS.end);
    y += ROW;
    for (; index < rows && y <= bottom; index++, y += ROW) {
      if (index === rows - 1) drawRule(doc, PAGE.margin, y - 1, COLUMNS.end);
      row(index, y);
    }
    page++;
  }
  return page;
}

// 100 labels rendered as a courier's printer and scanner would meet them: the PDF parses back
// with the right pages, every label's text (diacritics included) comes out of it, and every
// barcode on the rendered page decodes to its AWB (the QR codes to their tracking links).
// Pure rendering, no database: it runs the same on both passes of the server suite.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../../shared/errors.js';
import { sampleLabels } from '../../../../test/support/label-fixtures.js';
import {
  decodeBarcodes,
  fonts,
  pageCount,
  pageTexts,
  pdfOnDisk,
  renderPages,
} from '../../../../test/support/pdf-probe.js';
import type { LabelData, RenderedDocument } from './label-data.js';
import { codLine } from './label-text.js';
import { renderLabels } from './render.js';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../../../test-artifacts/labels');
const labels = sampleLabels(100);

/** What a person must be able to read on the label, as pdftotext gives it back. */
function expectedTexts(label: LabelData): string[] {
  return [
    label.awb,
    label.courierName,
    label.recipient.name,
    label.recipient.phone,
    label.recipient.city,
    label.sender.name,
    label.orderNumber,
    label.storeName,
    label.codAmount === null ? 'FĂRĂ RAMBURS' : codLine(label.codAmount, label.currency),
    '30.11.2026, 08:41', // 06:41 UTC in Bucharest (UTC+2 in winter)
  ];
}

function assertPageHas(text: string, label: LabelData, page: number): void {
  for (const expected of expectedTexts(label)) {
    assert.ok(text.includes(expected), `page ${page} lacks "${expected}" for ${label.awb}`);
  }
}

describe('labels as PDF: 100 labels', () => {
  let a6: RenderedDocument;
  let a4: RenderedDocument;
  let a6File: ReturnType<typeof pdfOnDisk>;
  let a4File: ReturnType<typeof pdfOnDisk>;
  before(async () => {
    a6 = await renderLabels(labels, 'a6');
    a4 = await renderLabels(labels, 'a4x4');
    a6File = pdfOnDisk(a6.body);
    a4File = pdfOnDisk(a4.body);
  });
  after(() => {
    a6File.close();
    a4File.close();
  });

  it('A6 is one PDF of 100 pages, A4 with four labels one of 25', () => {
    assert.equal(a6.contentType, 'application/pdf');
    assert.equal(a6.pages, 100);
    assert.equal(pageCount(a6File.file), 100);
    assert.equal(a6.filename, 'awb-100-labels-a6.pdf');
    assert.equal(a4.pages, 25);
    assert.equal(pageCount(a4File.file), 25);
  });

  it('embeds the font as a subset, and the whole batch stays small', () => {
    const used = fonts(a6File.file);
    assert.ok(used.length >= 2, 'regular and bold');
    for (const font of used) {
      assert.ok(font.embedded && font.subset, `${font.name} embedded and subset`);
      assert.match(font.name, /^[A-Z]{6}\+DejaVuSansCondensed/);
    }
    // The full DejaVu pair alone is ~1.3 MB; a subset batch of 100 labels is well under that.
    assert.ok(a6.body.length < 1_000_000, `${a6.body.length} bytes`);
  });

  it("every label's text comes back out, with ș ț ă î â, on its own page", () => {
    const texts = pageTexts(a6File.file);
    assert.equal(texts.length, 100);
    labels.forEach((label, i) => assertPageHas(texts[i] ?? '', label, i + 1));
    assert.ok(texts[0]?.includes('Ștefan') && texts[1]?.includes('Țicu Țărănescu'));
    assert.ok(texts[0]?.includes('Observații: Sunați înainte'), 'observations printed');

    const quarters = pageTexts(a4File.file);
    assert.equal(quarters.length, 25);
    labels.forEach((label, i) => assertPageHas(quarters[Math.floor(i / 4)] ?? '', label, i));
  });

  it('every Code 128 on the A6 pages decodes back to its AWB', async () => {
    const band = { xMm: 0, yMm: 118, widthMm: 100, heightMm: 23 };
    const images = renderPages(a6File.file, {
      first: 1,
      last: 100,
      dpi: 150,
      crop: band,
      prefix: path.join(a6File.dir, 'bar'),
    });
    assert.equal(images.length, 100);
    const decoded: string[][] = [];
    for (const image of images) decoded.push(await decodeBarcodes(image, 'code128'));
    assert.deepEqual(
      decoded,
      labels.map((label) => [label.awb]),
    );
  });

  it('the QR codes decode to their tracking links (every tenth label)', async () => {
    const qrBox = { xMm: 70, yMm: 90, widthMm: 30, heightMm: 30 };
    for (let page = 1; page <= 100; page += 10) {
      const [image] = renderPages(a6File.file, {
        first: page,
        last: page,
        dpi: 200,
        crop: qrBox,
        prefix: path.join(a6File.dir, `qr${page}`),
      });
      assert.ok(image);
      assert.deepEqual(
        await decodeBarcodes(image, 'qr'),
        [labels[page - 1]?.trackingUrl],
        `page ${page}`,
      );
    }
  });

  it('the four labels of an A4 page each keep a readable barcode and QR code', async () => {
    const [image] = renderPages(a4File.file, {
      first: 7,
      last: 7,
      dpi: 200,
      prefix: path.join(a4File.dir, 'a4'),
    });
    assert.ok(image);
    const onPage = labels.slice(24, 28);
    assert.deepEqual(
      (await decodeBarcodes(image, 'code128')).sort(),
      onPage.map((label) => label.awb).sort(),
    );
    assert.deepEqual(
      (await decodeBarcodes(image, 'qr')).sort(),
      onPage.map((label) => label.trackingUrl).sort(),
    );
  });

  it('saves a picture of an A6 label and an A4 page as test artifacts', (t) => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const [file, name] of [
      [a6File.file, 'label-a6'],
      [a4File.file, 'labels-a4x4'],
    ] as const) {
      const [image] = renderPages(file, {
        first: 1,
        last: 1,
        dpi: 150,
        prefix: path.join(path.dirname(file), name),
      });
      assert.ok(image);
      const target = path.join(ARTIFACTS, `${name}-page1.png`);
      fs.copyFileSync(image, target);
      assert.ok(fs.statSync(target).size > 10_000);
      t.diagnostic(`label picture: ${target}`);
    }
  });
});

describe('labels: one label and bad input', () => {
  it('one label is a one-page PDF named after its AWB', async () => {
    const [first] = labels;
    assert.ok(first);
    const doc = await renderLabels([first], 'a6');
    assert.equal(doc.pages, 1);
    assert.equal(doc.filename, 'awb-ED0001000000-a6.pdf');
    assert.equal(new TextDecoder().decode(doc.body.subarray(0, 5)), '%PDF-');
  });

  it('an empty selection is a 400, not an empty PDF', async () => {
    await assert.rejects(renderLabels([], 'a6'), (error) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.status, 400);
      assert.equal(error.code, 'invalid_request');
      return true;
    });
  });

  it('an AWB that Code 128 cannot carry is a 400 in every format', async () => {
    const [first] = labels;
    assert.ok(first);
    for (const format of ['a6', 'a4x4', 'zpl'] as const) {
      await assert.rejects(renderLabels([{ ...first, awb: 'AWBȘ1' }], format), {
        status: 400,
        code: 'invalid_request',
      });
    }
  });

  it('text too long for its box is cut with "…" and stays on the label', async () => {
    const [first] = labels;
    assert.ok(first);
    const long = {
      ...first,
      recipient: { ...first.recipient, name: `Ștefania ${'Țăranu-'.repeat(20)}Popescu` },
    };
    const file = pdfOnDisk((await renderLabels([long], 'a6')).body);
    try {
      const [text] = pageTexts(file.file);
      assert.match(text ?? '', /Ștefania Țăranu-Țăranu-.*…/);
      assert.ok(!(text ?? '').includes('Popescu'), 'the end of the name is cut, not printed over');
    } finally {
      file.close();
    }
  });
});

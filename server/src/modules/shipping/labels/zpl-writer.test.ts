// The ZPL for the same 100 labels, read back field by field: a thermal printer prints exactly
// the ^FD fields it is sent, so each must carry its label's values, UTF-8 (^CI28), with the
// AWB in the Code 128 (^BC) and the tracking link in the QR code (^BQ).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sampleLabels } from '../../../../test/support/label-fixtures.js';
import { codLine } from './label-text.js';
import { renderLabels } from './render.js';
import { escapeZpl } from './zpl-writer.js';

interface ParsedLabel {
  commands: string[];
  fields: string[]; // ^FD data with ^FH escapes undone
  code128: string[];
  qr: string[];
}

/** Splits a ZPL stream into labels and reads each one's commands and field data. */
function parseZpl(zpl: string): ParsedLabel[] {
  const labels = zpl.match(/\^XA[\s\S]*?\^XZ/g) ?? [];
  return labels.map((label) => {
    const commands = [...label.matchAll(/\^([A-Z][A-Z0-9@])/g)].map((match) => match[1] ?? '');
    const parsed: ParsedLabel = { commands, fields: [], code128: [], qr: [] };
    // Each field: its commands, then ^FD…^FS. The barcode command before ^FD says its kind.
    for (const match of label.matchAll(/\^FO[^\n]*?\^FD([\s\S]*?)\^FS/g)) {
      const field = match[0];
      const data = (match[1] ?? '').replace(/_([0-9A-F]{2})/g, (_, hex: string) =>
        String.fromCharCode(parseInt(hex, 16)),
      );
      if (field.includes('^BC')) parsed.code128.push(data);
      else if (field.includes('^BQ')) parsed.qr.push(data);
      else parsed.fields.push(data);
    }
    return parsed;
  });
}

describe('labels as ZPL', () => {
  const labels = sampleLabels(100);

  it('one ^XA…^XZ per label, in order, each UTF-8, 100×150 mm at 203 dpi', async () => {
    const doc = await renderLabels(labels, 'zpl');
    assert.equal(doc.contentType, 'application/zpl');
    assert.equal(doc.pages, 100);
    assert.equal(doc.filename, 'awb-100-labels.zpl');
    const zpl = new TextDecoder('utf-8', { fatal: true }).decode(doc.body);
    const parsed = parseZpl(zpl);
    assert.equal(parsed.length, 100);
    for (const label of parsed) {
      assert.equal(label.commands[0], 'XA');
      assert.equal(label.commands[1], 'CI', '^CI28 before any field');
      assert.ok(label.commands.includes('PW') && label.commands.includes('LL'));
    }
    assert.equal((zpl.match(/\^CI28/g) ?? []).length, 100);
    assert.ok(zpl.includes('^PW800') && zpl.includes('^LL1200'));
  });

  it("each label's fields carry its values, diacritics as UTF-8", async () => {
    const parsed = parseZpl(new TextDecoder().decode((await renderLabels(labels, 'zpl')).body));
    labels.forEach((label, i) => {
      const fields = parsed[i]?.fields ?? [];
      const has = (value: string) =>
        assert.ok(
          fields.some((field) => field.includes(value)),
          `label ${i}: no field with "${value}" in ${JSON.stringify(fields)}`,
        );
      has(label.courierName);
      has(label.service);
      has(label.sender.name);
      has(label.recipient.name);
      has(label.recipient.phone);
      has(label.recipient.city);
      has(`Comanda: ${label.orderNumber}`);
      has(`Magazin: ${label.storeName}`);
      has(`Colete: ${label.parcels}`);
      has(label.awb);
      has('30.11.2026, 08:41');
      has(label.codAmount === null ? 'FĂRĂ RAMBURS' : codLine(label.codAmount, label.currency));
      assert.deepEqual(parsed[i]?.code128, [label.awb], `label ${i} Code 128`);
      assert.deepEqual(parsed[i]?.qr, [`MA,${label.trackingUrl}`], `label ${i} QR`);
    });
    assert.ok(parsed[1]?.fields.includes('Țicu Țărănescu 1'));
  });

  it('the cash-on-delivery amount prints reversed on a black band', async () => {
    const [withCod] = labels;
    assert.ok(withCod?.codAmount);
    const zpl = new TextDecoder().decode((await renderLabels([withCod], 'zpl')).body);
    assert.match(zpl, /\^GB\d+,\d+,\d{2,}\^FS\n\^FO[^\n]*\^FR\^FH_\^FDRAMBURS 100,00 RON\^FS/);
  });

  it('^, ~ and _ in data cannot become commands', async () => {
    const [first] = labels;
    assert.ok(first);
    assert.equal(escapeZpl('a^XZ~JA_b\nc'), 'a_5EXZ_7EJA_5Fb c');
    const hostile = { ...first, recipient: { ...first.recipient, name: 'Ion ^XZ^XA~JR' } };
    const parsed = parseZpl(new TextDecoder().decode((await renderLabels([hostile], 'zpl')).body));
    assert.equal(parsed.length, 1, 'still one label');
    assert.ok(parsed[0]?.fields.includes('Ion ^XZ^XA~JR'));
  });
});

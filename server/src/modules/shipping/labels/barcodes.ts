// Barcodes as geometry, not pictures: the PDF writer draws them as filled rectangles (sharp at
// any printer resolution, a few hundred bytes each), and a test reads them back with ZXing.
//
// Code 128 comes from JsBarcode, the QR code from `qrcode` (node-qrcode). bwip-js was the first
// choice for both, but inside a 1,000-label document its PostScript engine took ~0.3 ms a Code
// 128 and ~5 ms a QR code, where a whole label's text takes ~0.6 ms: bench:labels could not
// reach half the bare PDF library's speed with it (figures in docs/labels.md).
import JsBarcode from 'jsbarcode';
import QRCode from 'qrcode';
import { Invalid } from '../../../shared/errors.js';

/** Bars of a Code 128 symbol in module units (quiet zones not included). */
export interface LinearCode {
  modules: number;
  bars: Array<{ start: number; width: number }>;
}

/** Dark modules of a QR symbol, merged into horizontal runs (fewer rectangles to draw). */
export interface MatrixCode {
  size: number; // modules per side, quiet zone not included
  runs: Array<{ row: number; col: number; length: number }>;
}

export function code128(value: string): LinearCode {
  // Code 128 carries ASCII only; an AWB prefix typed with "Ș" must fail as bad input, not as a
  // crash inside the encoder.
  if (!/^[\x20-\x7E]{1,80}$/.test(value)) {
    throw new Invalid('invalid_request', 'an AWB must be 1–80 printable ASCII characters');
  }
  // JsBarcode "renders" into a plain object: `encodings[].data` is one character a module,
  // "1" dark; its CODE128 format switches between code sets B and C for the shortest symbol.
  const target: { encodings?: Array<{ data: string }> } = {};
  JsBarcode(target, value, { format: 'CODE128' });
  const modules = target.encodings?.map((encoding) => encoding.data).join('') ?? '';
  if (!/^1[01]*1$/.test(modules)) throw new Error('JsBarcode returned no Code 128 symbol');
  const bars: LinearCode['bars'] = [];
  for (let start = 0; start < modules.length;) {
    if (modules[start] !== '1') {
      start++;
      continue;
    }
    let end = start;
    while (modules[end] === '1') end++;
    bars.push({ start, width: end - start });
    start = end;
  }
  return { modules: modules.length, bars };
}

export function qrCode(value: string): MatrixCode {
  // One byte-mode segment: a URL gains nothing from qrcode's search for the shortest mix of
  // modes, which cost as much as the rest of the encoding. A fixed mask pattern: choosing the
  // best of eight (scoring each) was a third of a label's barcode time, and any of the eight is
  // valid QR that every reader decodes (the tests decode them with ZXing).
  const { modules } = QRCode.create([{ data: Buffer.from(value, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
    maskPattern: 2,
  });
  const size = modules.size;
  const runs: MatrixCode['runs'] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules.get(row, col)) col++;
      runs.push({ row, col: start, length: col - start });
    }
  }
  return { size, runs };
}

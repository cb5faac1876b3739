// Barcodes as geometry, not pictures: the PDF writer draws them as filled rectangles (sharp at
// any printer resolution, a few hundred bytes each), and a test can read them back.
//
// Code 128 comes from bwip-js (the encoder behind most label tools). The QR code comes from
// `qrcode`: bwip-js's QR encoder took ~5 ms a code here, more than a whole label's text, where
// `qrcode` takes a fraction of a millisecond (measured in docs/labels.md).
import bwipjs from 'bwip-js';
import QRCode from 'qrcode';

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
  const [symbol] = bwipjs.raw({ bcid: 'code128', text: value });
  if (!symbol || !('sbs' in symbol)) throw new Error('bwip-js returned no Code 128 symbol');
  // `sbs` alternates bar, space, bar… widths in modules, starting with a bar.
  const bars: LinearCode['bars'] = [];
  let position = 0;
  symbol.sbs.forEach((width, index) => {
    if (index % 2 === 0) bars.push({ start: position, width });
    position += width;
  });
  return { modules: position, bars };
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

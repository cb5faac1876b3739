// ZPL II for thermal printers (Zebra and compatibles) at 203 dpi: one ^XA…^XZ per label, the
// same layout as the PDF (layout.ts) turned into dots. The printer draws the text (font 0,
// UTF-8 through ^CI28), the Code 128 (^BC) and the QR code (^BQ) itself.
import { code128 } from './barcodes.js';
import type { LabelElement, TextBox, BarcodeBox, Frame } from './layout.js';
import { LABEL_HEIGHT_MM, LABEL_WIDTH_MM } from './layout.js';

const DOTS_PER_MM = 8; // 203 dpi
const DOTS_PER_PT = 203 / 72;
// Font 0 is narrow, about half its height a letter; texts are cut to what fits, since a ZPL
// field block prints an overflowing line over its last line.
const CHAR_WIDTH_PER_HEIGHT = 0.5;

const dots = (mm: number) => Math.round(mm * DOTS_PER_MM);

/** `^FD` data with ^FH_: the three characters ZPL would read as commands become hex escapes. */
export function escapeZpl(value: string): string {
  return value
    .replace(/[\r\n]+/g, ' ')
    .replace(/[_^~]/g, (c) => `_${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function zplLabel(elements: LabelElement[]): string {
  const parts = [
    '^XA',
    '^CI28',
    `^PW${dots(LABEL_WIDTH_MM)}`,
    `^LL${dots(LABEL_HEIGHT_MM)}`,
    '^LH0,0',
  ];
  for (const element of elements) {
    if (element.kind === 'text') parts.push(zplText(element));
    else if (element.kind === 'frame') parts.push(zplFrame(element));
    else if (element.kind === 'code128') parts.push(zplCode128(element));
    else parts.push(zplQr(element));
  }
  parts.push('^PQ1', '^XZ');
  return parts.join('\n');
}

function zplText(box: TextBox): string {
  const height = Math.round(box.size * DOTS_PER_PT);
  const width = dots(box.width);
  const fits = Math.floor((width * box.maxLines) / (height * CHAR_WIDTH_PER_HEIGHT));
  // "..." rather than "…": not every printer's font 0 has the ellipsis.
  const text = box.text.length > fits ? `${box.text.slice(0, fits - 3).trimEnd()}...` : box.text;
  const justify = box.align === 'center' ? 'C' : box.align === 'right' ? 'R' : 'L';
  return (
    `^FO${dots(box.x)},${dots(box.y)}^A0N,${height},${height}` +
    `^FB${width},${box.maxLines},0,${justify}${box.inverse ? '^FR' : ''}` +
    `^FH_^FD${escapeZpl(text)}^FS`
  );
}

function zplFrame(frame: Frame): string {
  const width = dots(frame.width);
  const height = dots(frame.height);
  const thickness = frame.filled ? Math.min(width, height) : 2;
  return `^FO${dots(frame.x)},${dots(frame.y)}^GB${width},${height},${thickness}^FS`;
}

function zplCode128(box: BarcodeBox): string {
  // ^BY takes whole dots per module: the widest that fits, centred in the band.
  const modules = code128(box.value).modules;
  const module = Math.max(1, Math.min(4, Math.floor(dots(box.width) / modules)));
  const x = dots(box.x) + Math.max(0, Math.floor((dots(box.width) - modules * module) / 2));
  const height = dots(box.height);
  return `^FO${x},${dots(box.y)}^BY${module},3,${height}^BCN,${height},N,N,N,A^FH_^FD${escapeZpl(box.value)}^FS`;
}

function zplQr(box: BarcodeBox): string {
  // Model 2, magnification 5 (5 dots a module: a 33-module code is ~21 mm, inside the box);
  // "MA," = error correction M, automatic data mode.
  return `^FO${dots(box.x)},${dots(box.y)}^BQN,2,5^FH_^FDMA,${escapeZpl(box.value)}^FS`;
}

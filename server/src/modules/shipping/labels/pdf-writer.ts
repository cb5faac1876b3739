// Draws laid-out labels (and the slips' text) with pdfkit. Geometry arrives in millimetres; one
// conversion here turns it into PDF points.
import PDFDocument from 'pdfkit';
import { code128, qrCode } from './barcodes.js';
import { labelFonts } from './fonts.js';
import type { BarcodeBox, Frame, LabelElement, PageGeometry, TextBox } from './layout.js';

export const PT_PER_MM = 72 / 25.4;
const LINE_GAP = 1.15; // line height as a multiple of the font size
const SHRINK_LIMIT = 0.8; // a line may shrink to 80% before it is cut
const MAX_MODULE_MM = 0.6; // a short AWB's bars stay a sane width instead of filling the band

export type Pdf = PDFKit.PDFDocument;

/** A new document with the label fonts registered as "regular" and "bold"; no page yet. */
export function newPdf(title: string): Pdf {
  const fonts = labelFonts();
  const doc = new PDFDocument({
    autoFirstPage: false,
    info: { Title: title, Creator: 'ecomdir', Producer: 'ecomdir' },
  });
  // pdfkit takes a parsed fontkit font as well as bytes (its types say only bytes or a path).
  doc.registerFont('regular', fonts.regular as unknown as Buffer);
  doc.registerFont('bold', fonts.bold as unknown as Buffer);
  doc.font('regular');
  return doc;
}

export function addPage(doc: Pdf, widthMm: number, heightMm: number): void {
  doc.addPage({ size: [widthMm * PT_PER_MM, heightMm * PT_PER_MM], margin: 0 });
}

/** Ends the document and returns its bytes. */
export function finishPdf(doc: Pdf): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.end();
  });
}

/** Draws one label's elements at `slot` (page millimetres, scaled). */
export function drawLabel(
  doc: Pdf,
  elements: LabelElement[],
  slot: { x: number; y: number; scale: number },
): void {
  doc.save();
  doc.translate(slot.x * PT_PER_MM, slot.y * PT_PER_MM);
  if (slot.scale !== 1) doc.scale(slot.scale);
  for (const element of elements) {
    if (element.kind === 'text') drawText(doc, element);
    else if (element.kind === 'frame') drawFrame(doc, element);
    else if (element.kind === 'code128') drawCode128(doc, element);
    else drawQr(doc, element);
  }
  doc.restore();
}

export function drawCutMarks(doc: Pdf, page: PageGeometry): void {
  if (page.cutMarks.length === 0) return;
  doc.save().lineWidth(0.4).strokeColor('#777777');
  for (const [x1, y1, x2, y2] of page.cutMarks) {
    doc.moveTo(x1 * PT_PER_MM, y1 * PT_PER_MM).lineTo(x2 * PT_PER_MM, y2 * PT_PER_MM);
  }
  doc.stroke().restore();
}

/** A thin horizontal line from x1 to x2 at y (millimetres): table rules on slips. */
export function drawRule(doc: Pdf, x1: number, y: number, x2: number, width = 0.5): void {
  doc
    .lineWidth(width)
    .moveTo(x1 * PT_PER_MM, y * PT_PER_MM)
    .lineTo(x2 * PT_PER_MM, y * PT_PER_MM)
    .stroke('black');
}

export function drawText(doc: Pdf, box: TextBox): void {
  const width = box.width * PT_PER_MM;
  doc.font(box.bold ? 'bold' : 'regular');
  const { lines, size } = fitText(doc, box.text, width, box.size, box.maxLines);
  if (box.inverse) doc.fillColor('white');
  let y = box.y * PT_PER_MM;
  for (const line of lines) {
    const room = width - line.width;
    const offset = box.align === 'center' ? room / 2 : box.align === 'right' ? room : 0;
    doc.text(line.text, box.x * PT_PER_MM + offset, y, { lineBreak: false });
    y += size * LINE_GAP;
  }
  if (box.inverse) doc.fillColor('black');
}

interface FittedLine {
  text: string;
  width: number; // points, at the size chosen
}

/**
 * The lines to print for `text` in `width` points: one line shrinks (down to 80%) before it is
 * cut with "…"; several lines wrap at spaces and the last one is cut. Leaves the document's
 * font size set to the size chosen.
 */
export function fitText(
  doc: Pdf,
  text: string,
  width: number,
  size: number,
  maxLines: number,
): { lines: FittedLine[]; size: number } {
  doc.fontSize(size);
  const full = doc.widthOfString(text);
  if (full <= width) return { lines: [{ text, width: full }], size };
  if (maxLines === 1) {
    const shrunk = Math.max(size * SHRINK_LIMIT, (size * width) / full);
    doc.fontSize(shrunk);
    const shrunkWidth = doc.widthOfString(text);
    if (shrunkWidth <= width) return { lines: [{ text, width: shrunkWidth }], size: shrunk };
    return { lines: [measured(doc, cut(doc, text, width))], size: shrunk };
  }
  const lines: FittedLine[] = [];
  let current = '';
  const words = text.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const candidate = current ? `${current} ${words[i]}` : (words[i] ?? '');
    if (doc.widthOfString(candidate) <= width || !current) {
      current = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) {
      lines.push(measured(doc, cut(doc, `${current} ${words.slice(i).join(' ')}`, width)));
      return { lines, size };
    }
    lines.push(measured(doc, current));
    current = words[i] ?? '';
  }
  const last = measured(doc, current);
  lines.push(last.width <= width ? last : measured(doc, cut(doc, current, width)));
  return { lines, size };
}

function measured(doc: Pdf, text: string): FittedLine {
  return { text, width: doc.widthOfString(text) };
}

/** The longest start of `text` that fits with "…" after it (binary search on the length). */
function cut(doc: Pdf, text: string, width: number): string {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (doc.widthOfString(`${text.slice(0, middle).trimEnd()}…`) <= width) low = middle;
    else high = middle - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}

function drawFrame(doc: Pdf, frame: Frame): void {
  doc.rect(
    frame.x * PT_PER_MM,
    frame.y * PT_PER_MM,
    frame.width * PT_PER_MM,
    frame.height * PT_PER_MM,
  );
  if (frame.filled) doc.fill('black');
  else doc.lineWidth(0.8).stroke('black');
}

// Both barcodes are drawn in their own module grid: a transform, then whole-number rectangles
// written to the page as one piece of content and painted by one fill. Going through pdfkit's
// rect() for each of a QR code's ~300 runs cost more than encoding the code.
function drawCode128(doc: Pdf, box: BarcodeBox): void {
  const symbol = code128(box.value);
  const module = Math.min(box.width / symbol.modules, MAX_MODULE_MM) * PT_PER_MM;
  const left = box.x * PT_PER_MM + (box.width * PT_PER_MM - module * symbol.modules) / 2;
  const rects = symbol.bars.map((bar) => `${bar.start} 0 ${bar.width} 1 re`);
  paintGrid(doc, rects, [module, 0, 0, box.height * PT_PER_MM, left, box.y * PT_PER_MM]);
}

function drawQr(doc: Pdf, box: BarcodeBox): void {
  const symbol = qrCode(box.value);
  // The box includes a quiet zone of two modules on each side.
  const module = (Math.min(box.width, box.height) * PT_PER_MM) / (symbol.size + 4);
  const left = box.x * PT_PER_MM + 2 * module;
  const top = box.y * PT_PER_MM + 2 * module;
  const rects = symbol.runs.map((run) => `${run.col} ${run.row} ${run.length} 1 re`);
  paintGrid(doc, rects, [module, 0, 0, module, left, top]);
}

function paintGrid(
  doc: Pdf,
  rects: string[],
  [a, b, c, d, e, f]: [number, number, number, number, number, number],
): void {
  doc.save().transform(a, b, c, d, e, f);
  doc.addContent(rects.join('\n'));
  doc.fill('black').restore();
}

import assert from 'node:assert/strict';
// Reads a rendered PDF the way a person and a scanner would: its text through poppler's
// pdftotext, its fonts through pdffonts, its pages as pictures through pdftoppm, and the
// barcodes in those pictures through ZXing (zxing-cpp compiled to WebAssembly, the reader
// behind most phone scanners). Poppler comes from Debian's poppler-utils
// (scripts/install-system-deps.sh). The JavaScript port (@zxing/library) was tried first: it
// reads Code 128 but failed on every QR code, even qrcode's own reference PNG.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

let readerReady: Promise<unknown> | undefined;
/** Loads the reader's WebAssembly from node_modules: by default it would fetch it from a CDN. */
function reader(): Promise<unknown> {
  if (!readerReady) {
    const require = createRequire(import.meta.url);
    const wasm = fs.readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
    readerReady = prepareZXingModule({
      overrides: {
        wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
      },
      fireImmediately: true,
    });
  }
  return readerReady;
}

/** A scratch folder holding the PDF as a file, removed by `close()`. */
export function pdfOnDisk(bytes: Uint8Array): { file: string; dir: string; close(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecomdir-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, bytes);
  return { file, dir, close: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** pdfinfo's page count: an independent parser reading the document back. */
export function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
}

/** The text of every page, whitespace collapsed (pdftotext separates pages with form feeds). */
export function pageTexts(file: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return text
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, ' ').trim());
}

/** pdffonts' table: each font's name, whether it is embedded and whether it is a subset. */
export function fonts(file: string): Array<{ name: string; embedded: boolean; subset: boolean }> {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/);
    // name type… encoding emb sub uni object-id generation: count from the end.
    return {
      name: columns[0] ?? '',
      embedded: columns.at(-5) === 'yes',
      subset: columns.at(-4) === 'yes',
    };
  });
}

export interface Crop {
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
}

/**
 * Renders `crop` of pages first..last to grey PNGs at `dpi`, one file per page in page order.
 * Cropping keeps a 100-page check fast: poppler draws only the part asked for.
 */
export function renderPages(
  file: string,
  options: { first: number; last: number; dpi: number; crop?: Crop; prefix: string },
): string[] {
  const { first, last, dpi, crop, prefix } = options;
  const px = (mm: number) => String(Math.round((mm / 25.4) * dpi));
  const args = ['-r', String(dpi), '-gray', '-png', '-f', String(first), '-l', String(last)];
  if (crop)
    args.push(
      '-x',
      px(crop.xMm),
      '-y',
      px(crop.yMm),
      '-W',
      px(crop.widthMm),
      '-H',
      px(crop.heightMm),
    );
  execFileSync('pdftoppm', [...args, file, prefix]);
  const dir = path.dirname(prefix);
  const stem = path.basename(prefix);
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(`${stem}-`) && name.endsWith('.png'))
    .sort((a, b) => pageOf(a) - pageOf(b))
    .map((name) => path.join(dir, name));
}
const pageOf = (name: string) => Number(/-(\d+)\.png$/.exec(name)?.[1] ?? 0);

/** The text of the barcodes of `format` that the reader finds in a PNG (none: an empty list). */
export async function decodeBarcodes(pngFile: string, format: 'code128' | 'qr'): Promise<string[]> {
  await reader();
  const png = PNG.sync.read(fs.readFileSync(pngFile));
  const found = await readBarcodes(
    {
      data: new Uint8ClampedArray(png.data),
      width: png.width,
      height: png.height,
      colorSpace: 'srgb',
    },
    { formats: [format === 'qr' ? 'QRCode' : 'Code128'], tryHarder: true, maxNumberOfSymbols: 8 },
  );
  return found.filter((barcode) => barcode.isValid).map((barcode) => barcode.text);
}

/** An answer's PDF read back: its pages' text (after checking it is a PDF at all). */
export function pdfAnswerTexts(contentType: unknown, body: Uint8Array): string[] {
  assert.equal(contentType, 'application/pdf');
  const pdf = pdfOnDisk(body);
  try {
    return pageTexts(pdf.file);
  } finally {
    pdf.close();
  }
}

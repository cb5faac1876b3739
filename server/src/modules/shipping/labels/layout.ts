// The label's geometry, once, in millimetres on a 100×150 mm label (origin top left). The PDF
// writer turns it into points (and scales it into an A4 quarter), the ZPL writer into printer
// dots: both print the same label, and a change of layout is made here alone.
import type { LabelData } from './label-data.js';
import {
  CAPTIONS,
  addressLines,
  bucharestDateTime,
  codLine,
  romanianWeight,
} from './label-text.js';

export const LABEL_WIDTH_MM = 100;
export const LABEL_HEIGHT_MM = 150;
const MARGIN = 3;
const INNER = LABEL_WIDTH_MM - 2 * MARGIN;

/**
 * One line (or a few wrapped lines) of text in a box `width` wide, its top at `y`. Text that
 * does not fit shrinks a little, then is cut with "…": a label never prints over its neighbour.
 */
export interface TextBox {
  kind: 'text';
  x: number;
  y: number;
  width: number;
  size: number; // points
  bold: boolean;
  text: string;
  maxLines: number;
  align: 'left' | 'center' | 'right';
  inverse: boolean; // white on a black band (the cash-on-delivery amount)
}
export interface Frame {
  kind: 'frame';
  x: number;
  y: number;
  width: number;
  height: number;
  filled: boolean;
}
export interface BarcodeBox {
  kind: 'code128' | 'qr';
  x: number;
  y: number;
  width: number;
  height: number;
  value: string;
}
export type LabelElement = TextBox | Frame | BarcodeBox;

/** A text box with the usual defaults: one line, left, regular, black. */
export function text(
  x: number,
  y: number,
  width: number,
  size: number,
  value: string,
  options: Partial<Pick<TextBox, 'bold' | 'maxLines' | 'align' | 'inverse'>> = {},
): TextBox {
  return {
    kind: 'text',
    x,
    y,
    width,
    size,
    text: value,
    bold: options.bold ?? false,
    maxLines: options.maxLines ?? 1,
    align: options.align ?? 'left',
    inverse: options.inverse ?? false,
  };
}
function frame(y: number, height: number, filled = false): Frame {
  return { kind: 'frame', x: MARGIN, y, width: INNER, height, filled };
}

// Bands from top to bottom (y, height): the recipient gets the most room, the barcode the
// bottom where a scanner finds it without turning the parcel.
const HEADER = { y: MARGIN, h: 13 };
const SENDER = { y: 16, h: 22 };
const RECIPIENT = { y: 38, h: 40 };
const COD = { y: 78, h: 13 };
const DETAILS = { y: 91, h: 28 };
const BARCODE = { y: 121, h: 17 };
const QR_SIZE = 24;

/** Everything printed on one label, in label millimetres. */
export function layoutLabel(label: LabelData): LabelElement[] {
  const x = MARGIN + 2;
  const width = INNER - 4;
  const sender = addressLines(label.sender);
  const recipient = addressLines(label.recipient);
  const elements: LabelElement[] = [
    frame(HEADER.y, HEADER.h),
    text(x, HEADER.y + 1.5, 58, 13, label.courierName, { bold: true }),
    text(x, HEADER.y + 7.5, 58, 8, label.service),
    text(x + 58, HEADER.y + 1.5, width - 58, 7, bucharestDateTime(label.createdAt), {
      align: 'right',
    }),

    frame(SENDER.y, SENDER.h),
    text(x, SENDER.y + 1.2, width, 6, CAPTIONS.sender, { bold: true }),
    text(x, SENDER.y + 4.2, width, 8, senderName(label), { bold: true }),
    text(x, SENDER.y + 8.2, width, 7.5, `${CAPTIONS.phone} ${label.sender.phone}`),
    text(x, SENDER.y + 11.8, width, 7.5, sender.street, { maxLines: 2 }),
    text(x, SENDER.y + 18.4, width, 7.5, joinNonEmpty([sender.city, sender.region], ', ')),

    frame(RECIPIENT.y, RECIPIENT.h),
    text(x, RECIPIENT.y + 1.2, width, 6, CAPTIONS.recipient, { bold: true }),
    text(x, RECIPIENT.y + 4.2, width, 12, label.recipient.name, { bold: true }),
    text(x, RECIPIENT.y + 9.6, width, 9, label.recipient.company ?? ''),
    text(x, RECIPIENT.y + 13.6, width, 11, `${CAPTIONS.phone} ${label.recipient.phone}`, {
      bold: true,
    }),
    text(x, RECIPIENT.y + 19, width, 10, recipient.street, { maxLines: 2 }),
    text(x, RECIPIENT.y + 28.5, width, 11, recipient.city, { bold: true }),
    text(x, RECIPIENT.y + 33.6, width, 10, recipient.region),
  ];
  elements.push(...codBand(label, x, width));
  const detailsWidth = width - QR_SIZE - 3;
  const qrX = MARGIN + INNER - QR_SIZE - 1.5;
  elements.push(
    frame(DETAILS.y, DETAILS.h),
    text(x, DETAILS.y + 1.5, detailsWidth, 10, `${CAPTIONS.order}: ${label.orderNumber}`, {
      bold: true,
    }),
    text(
      x,
      DETAILS.y + 6.5,
      detailsWidth,
      8.5,
      `${CAPTIONS.weight}: ${romanianWeight(label.weightKg)}   ${CAPTIONS.parcels}: ${label.parcels}`,
    ),
    text(x, DETAILS.y + 11, detailsWidth, 7.5, `${CAPTIONS.store}: ${label.storeName}`),
    text(
      x,
      DETAILS.y + 15,
      detailsWidth,
      7.5,
      label.observations ? `${CAPTIONS.observations}: ${label.observations}` : '',
      { maxLines: 4 },
    ),
    {
      kind: 'qr',
      x: qrX,
      y: DETAILS.y + 1,
      width: QR_SIZE,
      height: QR_SIZE,
      value: label.trackingUrl,
    },
    text(qrX, DETAILS.y + 1 + QR_SIZE + 0.3, QR_SIZE, 5.5, CAPTIONS.tracking, { align: 'center' }),
    {
      kind: 'code128',
      x: MARGIN + 4,
      y: BARCODE.y,
      width: INNER - 8,
      height: BARCODE.h,
      value: label.awb,
    },
    text(MARGIN, BARCODE.y + BARCODE.h + 1.5, INNER, 14, label.awb, {
      bold: true,
      align: 'center',
    }),
  );
  return elements.filter((element) => element.kind !== 'text' || element.text !== '');
}

function codBand(label: LabelData, x: number, width: number): LabelElement[] {
  if (label.codAmount === null) {
    return [
      frame(COD.y, COD.h),
      text(x, COD.y + 3.8, width, 12, CAPTIONS.noCod, { bold: true, align: 'center' }),
    ];
  }
  return [
    frame(COD.y, COD.h, true),
    text(x, COD.y + 2.6, width, 20, codLine(label.codAmount, label.currency), {
      bold: true,
      align: 'center',
      inverse: true,
    }),
  ];
}

function senderName(label: LabelData): string {
  return joinNonEmpty([label.sender.name, label.sender.company ?? ''], ' · ');
}

function joinNonEmpty(parts: string[], separator: string): string {
  return parts.filter((part) => part.trim() !== '').join(separator);
}

/** Where the labels sit on a page: one per A6 page, or four (2×2) per A4 page with cut marks. */
export interface PageGeometry {
  widthMm: number;
  heightMm: number;
  labelsPerPage: number;
  /** Top-left corner and scale of the label in `slot` (0-based, reading order). */
  slot(index: number): { x: number; y: number; scale: number };
  /** Cut marks as line segments [x1, y1, x2, y2] in page millimetres. */
  cutMarks: Array<[number, number, number, number]>;
}

export const A6_PAGE: PageGeometry = {
  widthMm: LABEL_WIDTH_MM,
  heightMm: LABEL_HEIGHT_MM,
  labelsPerPage: 1,
  slot: () => ({ x: 0, y: 0, scale: 1 }),
  cutMarks: [],
};

// A4 is 210×297: each quarter is 105×148.5, so the label shrinks by 1% to fit its height and
// sits centred across; the cuts run along the quarters' edges.
const A4_CELL_W = 105;
const A4_CELL_H = 148.5;
const A4_SCALE = A4_CELL_H / LABEL_HEIGHT_MM;
const MARK = 4;
export const A4X4_PAGE: PageGeometry = {
  widthMm: 210,
  heightMm: 297,
  labelsPerPage: 4,
  slot: (index) => ({
    x: (index % 2) * A4_CELL_W + (A4_CELL_W - LABEL_WIDTH_MM * A4_SCALE) / 2,
    y: Math.floor(index / 2) * A4_CELL_H,
    scale: A4_SCALE,
  }),
  cutMarks: [
    [A4_CELL_W, 0, A4_CELL_W, MARK],
    [A4_CELL_W, 297 - MARK, A4_CELL_W, 297],
    [0, A4_CELL_H, MARK, A4_CELL_H],
    [210 - MARK, A4_CELL_H, 210, A4_CELL_H],
    [A4_CELL_W - MARK, A4_CELL_H, A4_CELL_W + MARK, A4_CELL_H],
    [A4_CELL_W, A4_CELL_H - MARK, A4_CELL_W, A4_CELL_H + MARK],
  ],
};

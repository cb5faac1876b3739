// What a printed label, a packing slip and a picking list carry: plain data, rendered by
// `labels/` (PDF A6, A4 with four labels, ZPL) and filled by the shipping service from the
// order, the shipment and the sender address. Kept apart so couriers and the service never
// import the PDF library, and the renderer never reads the database.

export type LabelFormat = 'a6' | 'a4x4' | 'zpl';

export interface LabelAddress {
  name: string;
  company?: string | null;
  phone: string;
  address1: string;
  address2?: string | null;
  city: string;
  county: string;
  postcode?: string | null;
  country: string; // ISO 3166-1 alpha-2, "RO" for Romania
}

export interface LabelData {
  awb: string; // printed and encoded as a Code 128 barcode
  courierName: string; // e.g. "Curier propriu", "FAN Courier"
  service: string; // the service's name as the courier calls it
  sender: LabelAddress;
  recipient: LabelAddress;
  orderNumber: string; // the shop's order number (reference)
  storeName: string;
  codAmount: string | null; // cash on delivery (ramburs), decimal string; null when paid
  currency: string; // "RON"
  weightKg: string; // decimal string
  parcels: number; // how many parcels this AWB covers
  trackingUrl: string; // encoded as a QR code
  observations?: string | null;
  createdAt: string; // ISO-8601 UTC; printed in Europe/Bucharest
}

export interface SlipItem {
  sku: string | null;
  name: string;
  quantity: number;
}

export interface SlipOrder {
  orderNumber: string;
  storeName: string;
  recipient: LabelAddress;
  items: SlipItem[];
  customerNote?: string | null;
  awb?: string | null;
}

export interface RenderedDocument {
  contentType: 'application/pdf' | 'application/zpl' | 'text/plain';
  body: Uint8Array;
  pages: number; // PDF pages, or ZPL labels
  filename: string;
}

/** The renderer's signature; `labels/render.ts` implements it. */
export type RenderLabels = (labels: LabelData[], format: LabelFormat) => Promise<RenderedDocument>;

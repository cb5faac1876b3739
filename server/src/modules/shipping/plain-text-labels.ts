import type { RenderLabels } from './labels/label-data.js';

/**
 * A stand-in renderer used until the real one (`labels/`, PDF/ZPL) is wired in `buildApp`:
 * one line per label with the AWB, the order number and the recipient, as text/plain. It keeps
 * the labels endpoint and its tests honest about what they carry, not about how they look.
 */
export const plainTextLabels: RenderLabels = (labels, format) =>
  Promise.resolve({
    contentType: 'text/plain',
    body: new TextEncoder().encode(
      labels
        .map((l) =>
          [l.awb, l.orderNumber, l.recipient.name, l.recipient.city, l.codAmount ?? '-'].join('\t'),
        )
        .join('\n'),
    ),
    pages: labels.length,
    filename: `labels-${format}.txt`,
  });

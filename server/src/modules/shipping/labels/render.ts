// Labels to a printable document: A6 (one 100×150 mm label a page), A4 with four labels a page
// (2×2, cut marks), or ZPL for thermal printers. The labels print in the order given: the
// caller sorts them (by packer, by courier, by order).
import { Invalid } from '../../../shared/errors.js';
import type { LabelData, LabelFormat, RenderLabels, RenderedDocument } from './label-data.js';
import { A4X4_PAGE, A6_PAGE, layoutLabel, type PageGeometry } from './layout.js';
import { addPage, drawCutMarks, drawLabel, finishPdf, newPdf } from './pdf-writer.js';
import { zplLabel } from './zpl-writer.js';

export const renderLabels: RenderLabels = async (labels, format) => {
  if (labels.length === 0) throw new Invalid('invalid_request', 'no labels to print');
  if (format === 'zpl') return renderZpl(labels);
  return renderPdf(labels, format === 'a4x4' ? A4X4_PAGE : A6_PAGE, format);
};

async function renderPdf(
  labels: LabelData[],
  page: PageGeometry,
  format: Exclude<LabelFormat, 'zpl'>,
): Promise<RenderedDocument> {
  const doc = newPdf(labels.length === 1 ? `AWB ${labels[0]?.awb}` : `${labels.length} AWB`);
  let pages = 0;
  labels.forEach((label, index) => {
    const slot = index % page.labelsPerPage;
    if (slot === 0) {
      addPage(doc, page.widthMm, page.heightMm);
      drawCutMarks(doc, page);
      pages++;
    }
    drawLabel(doc, layoutLabel(label), page.slot(slot));
  });
  return {
    contentType: 'application/pdf',
    body: await finishPdf(doc),
    pages,
    filename: `${fileStem(labels)}-${format}.pdf`,
  };
}

async function renderZpl(labels: LabelData[]): Promise<RenderedDocument> {
  const text = labels.map((label) => zplLabel(layoutLabel(label))).join('\n') + '\n';
  return {
    contentType: 'application/zpl',
    body: new TextEncoder().encode(text),
    pages: labels.length,
    filename: `${fileStem(labels)}.zpl`,
  };
}

/** "awb-RO123" for one label, "awb-100-labels" for many: safe in a Content-Disposition. */
function fileStem(labels: LabelData[]): string {
  const only = labels.length === 1 ? labels[0]?.awb : undefined;
  return only ? `awb-${only.replace(/[^A-Za-z0-9_-]/g, '_')}` : `awb-${labels.length}-labels`;
}

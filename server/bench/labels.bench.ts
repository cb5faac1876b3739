// `npm run bench:labels`: 1,000 labels as A6 (1,000 pages) and as A4×4 (250 pages), barcodes and
// all, against the bare PDF library (pdfkit, same fonts) writing the same pages with the same
// text and nothing else. Each side runs ROUNDS times, alternating, and keeps its best time, so
// a neighbour's burst of CPU on a shared machine does not land on one side only. The last line
// is one JSON object.
import fs from 'node:fs';
import type { LabelData } from '../src/modules/shipping/labels/label-data.js';
import { A4X4_PAGE, A6_PAGE, layoutLabel } from '../src/modules/shipping/labels/layout.js';
import type { PageGeometry } from '../src/modules/shipping/labels/layout.js';
import {
  addPage,
  finishPdf,
  newPdf,
  PT_PER_MM,
} from '../src/modules/shipping/labels/pdf-writer.js';
import { renderLabels } from '../src/modules/shipping/labels/render.js';
import { sampleLabels } from '../test/support/label-fixtures.js';

const COUNT = Number(process.env.LABELS ?? 1000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);

function rssMb(): { rss: number; peak: number } {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** The same text at the same places with pdfkit alone: no fitting, frames or barcodes. */
async function barePdf(labels: LabelData[], page: PageGeometry): Promise<number> {
  const doc = newPdf('bare');
  let pages = 0;
  labels.forEach((label, index) => {
    const slot = index % page.labelsPerPage;
    if (slot === 0) {
      addPage(doc, page.widthMm, page.heightMm);
      pages++;
    }
    const at = page.slot(slot);
    for (const element of layoutLabel(label)) {
      if (element.kind !== 'text') continue;
      doc
        .font(element.bold ? 'bold' : 'regular')
        .fontSize(element.size * at.scale)
        .text(
          element.text,
          (at.x + element.x * at.scale) * PT_PER_MM,
          (at.y + element.y * at.scale) * PT_PER_MM,
          { lineBreak: false },
        );
    }
  });
  await finishPdf(doc);
  return pages;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  globalThis.gc?.();
  const start = performance.now();
  await run();
  return (performance.now() - start) / 1000;
}

const labels = sampleLabels(COUNT);
await renderLabels(labels.slice(0, 20), 'a6'); // fonts parsed, code warmed
await barePdf(labels.slice(0, 20), A6_PAGE);
globalThis.gc?.();
const baseline = rssMb().rss;

const best = { a6: Infinity, a4x4: Infinity, bareA6: Infinity, bareA4: Infinity };
const sizes = { a6: 0, a4x4: 0 };
for (let round = 0; round < ROUNDS; round++) {
  best.bareA6 = Math.min(best.bareA6, await timed(() => barePdf(labels, A6_PAGE)));
  best.a6 = Math.min(
    best.a6,
    await timed(async () => (sizes.a6 = (await renderLabels(labels, 'a6')).body.length)),
  );
  best.bareA4 = Math.min(best.bareA4, await timed(() => barePdf(labels, A4X4_PAGE)));
  best.a4x4 = Math.min(
    best.a4x4,
    await timed(async () => (sizes.a4x4 = (await renderLabels(labels, 'a4x4')).body.length)),
  );
  console.log(
    `round ${round + 1}: A6 ${best.a6.toFixed(2)} s (bare ${best.bareA6.toFixed(2)} s), ` +
      `A4×4 ${best.a4x4.toFixed(2)} s (bare ${best.bareA4.toFixed(2)} s) — best so far`,
  );
}
const rssGrowth = rssMb().peak - baseline;
const labelSeconds = best.a6 + best.a4x4;
const bareSeconds = best.bareA6 + best.bareA4;
const result = {
  labels: COUNT,
  labels_per_s: Math.round((2 * COUNT) / labelSeconds),
  a6_labels_per_s: Math.round(COUNT / best.a6),
  a4x4_labels_per_s: Math.round(COUNT / best.a4x4),
  bare_pages_text_per_s: Math.round((2 * COUNT) / bareSeconds),
  ratio_to_bare_pdf: Number((bareSeconds / labelSeconds).toFixed(2)),
  a6_pdf_kb: Math.round(sizes.a6 / 1024),
  a4x4_pdf_kb: Math.round(sizes.a4x4 / 1024),
  rss_growth_mb: Math.round(rssGrowth),
  targets: { labels_per_s: 200, ratio_to_bare_pdf: 0.5, rss_growth_mb: 150 },
};
console.log(
  `${result.labels_per_s} labels/s (A6 ${result.a6_labels_per_s}, A4×4 ${result.a4x4_labels_per_s}), ` +
    `${result.ratio_to_bare_pdf}× the bare PDF library's speed, RSS +${result.rss_growth_mb} MB`,
);
console.log(JSON.stringify(result));

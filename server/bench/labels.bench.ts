// `npm run bench:labels`: 1,000 labels as A6 (1,000 pages) and as A4×4 (250 pages), barcodes and
// all, against the bare PDF library (pdfkit, same fonts) writing the same pages with the same
// text and nothing else. Each side runs ROUNDS times, alternating, and keeps its best time, so
// a neighbour's burst of CPU on a shared machine does not land on one side only. Both wall time
// and this process's CPU time are kept: on a machine shared by several busy processes the wall
// time swings with their load, the CPU time (the work done) does not, so the ratio is taken on
// CPU time and the wall-time ratio printed beside it. The last line is one JSON object.
import fs from 'node:fs';
import os from 'node:os';
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

interface Timing {
  wall: number; // seconds
  cpu: number; // seconds of this process's CPU (user + system)
}
async function timed(run: () => Promise<unknown>): Promise<Timing> {
  globalThis.gc?.();
  const start = performance.now();
  const cpu = process.cpuUsage();
  await run();
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 };
}
const best = (a: Timing, b: Timing): Timing => ({
  wall: Math.min(a.wall, b.wall),
  cpu: Math.min(a.cpu, b.cpu),
});

const labels = sampleLabels(COUNT);
await renderLabels(labels.slice(0, 20), 'a6'); // fonts parsed, code warmed
await barePdf(labels.slice(0, 20), A6_PAGE);
globalThis.gc?.();
const baseline = rssMb().rss;

const none: Timing = { wall: Infinity, cpu: Infinity };
const times = { a6: none, a4x4: none, bareA6: none, bareA4: none };
const sizes = { a6: 0, a4x4: 0 };
for (let round = 0; round < ROUNDS; round++) {
  times.bareA6 = best(times.bareA6, await timed(() => barePdf(labels, A6_PAGE)));
  times.a6 = best(
    times.a6,
    await timed(async () => (sizes.a6 = (await renderLabels(labels, 'a6')).body.length)),
  );
  times.bareA4 = best(times.bareA4, await timed(() => barePdf(labels, A4X4_PAGE)));
  times.a4x4 = best(
    times.a4x4,
    await timed(async () => (sizes.a4x4 = (await renderLabels(labels, 'a4x4')).body.length)),
  );
  const show = (t: Timing) => `${t.wall.toFixed(2)} s (cpu ${t.cpu.toFixed(2)} s)`;
  console.log(
    `round ${round + 1}, best so far: A6 ${show(times.a6)}, bare ${show(times.bareA6)}; ` +
      `A4×4 ${show(times.a4x4)}, bare ${show(times.bareA4)}`,
  );
}
const rssGrowth = rssMb().peak - baseline;
const labelTime = { wall: times.a6.wall + times.a4x4.wall, cpu: times.a6.cpu + times.a4x4.cpu };
const bareTime = {
  wall: times.bareA6.wall + times.bareA4.wall,
  cpu: times.bareA6.cpu + times.bareA4.cpu,
};
const result = {
  labels: COUNT,
  labels_per_s: Math.round((2 * COUNT) / labelTime.wall),
  a6_labels_per_s: Math.round(COUNT / times.a6.wall),
  a4x4_labels_per_s: Math.round(COUNT / times.a4x4.wall),
  labels_per_cpu_s: Math.round((2 * COUNT) / labelTime.cpu),
  bare_pages_text_per_s: Math.round((2 * COUNT) / bareTime.wall),
  ratio_to_bare_pdf: Number((bareTime.cpu / labelTime.cpu).toFixed(2)),
  ratio_to_bare_pdf_wall: Number((bareTime.wall / labelTime.wall).toFixed(2)),
  a6_pdf_kb: Math.round(sizes.a6 / 1024),
  a4x4_pdf_kb: Math.round(sizes.a4x4 / 1024),
  rss_growth_mb: Math.round(rssGrowth),
  load_average_1m: Number(os.loadavg()[0]?.toFixed(1)),
  targets: { labels_per_s: 200, ratio_to_bare_pdf: 0.5, rss_growth_mb: 150 },
};
console.log(
  `${result.labels_per_s} labels/s (A6 ${result.a6_labels_per_s}, A4×4 ${result.a4x4_labels_per_s}), ` +
    `${result.ratio_to_bare_pdf}× the bare PDF library's speed (CPU time; wall ${result.ratio_to_bare_pdf_wall}×), ` +
    `RSS +${result.rss_growth_mb} MB, load average ${result.load_average_1m}`,
);
console.log(JSON.stringify(result));

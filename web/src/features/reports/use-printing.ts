import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * True while the browser prints (its Print button or Ctrl+P): the charts then take a fixed
 * width, since a responsive chart measured for the screen would be cut or squeezed on paper.
 * The state is flushed inside `beforeprint` so the print layout already has the new size.
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    // A print preview or a PDF made by a headless browser switches the media without the events.
    const media = window.matchMedia('print');
    const change = (e: MediaQueryListEvent) => (e.matches ? before() : after());
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    media.addEventListener('change', change);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      media.removeEventListener('change', change);
    };
  }, []);
  return printing;
}

/** Chart width on paper: fits an A4 landscape page inside its margins. */
export const PRINT_CHART_WIDTH = 960;

/** The page's print rules: no menu, charts whole, tables at full width and never cut mid-row. */
export const PRINT_CSS = `
@page { size: A4 landscape; margin: 10mm; }
@media print {
  .mantine-AppShell-header, .mantine-AppShell-navbar, .no-print { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; margin: 0 !important; min-height: 0 !important; }
  .report-table .mantine-ScrollArea-viewport, .report-table .mantine-ScrollArea-root { overflow: visible !important; }
  .report-table table { min-width: 0 !important; font-size: 9pt; }
  .report-table tr, .report-chart { break-inside: avoid; }
  .report-table thead { display: table-header-group; }
}
`;

import v8 from 'node:v8';

/**
 * How far V8 lets the heap grow past its live data before a full collection. By default it
 * grows up to four times the live data when collections are cheap: a sync of 50,000 orders
 * grew the server's RSS by about 100 MB that way, nearly all of it garbage awaiting a
 * collection, while the live heap stayed under 35 MB. At 1.5 times the growth was about
 * 50 MB at the same speed (bench/sync.bench.ts). A self-hosted server often shares a small
 * machine, so the server, the worker and the benches that measure them all run with this.
 */
const HEAP_GROWING_PERCENT = 50;

export function keepHeapNearLiveSize(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

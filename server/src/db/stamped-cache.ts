/**
 * Values kept with the change stamp read before they were computed (see change-stamp.ts):
 * an entry is served only while the database's stamp is still the same, so it can never be
 * stale; a bounded number of entries, the least recently used going first.
 */
export class StampedCache {
  private readonly entries = new Map<string, { stamp: string; value: string }>();

  constructor(private readonly max: number) {}

  get(key: string, stamp: string): string | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (e.stamp !== stamp) return undefined;
    this.entries.set(key, e);
    return e.value;
  }

  set(key: string, stamp: string, value: string): void {
    if (this.max <= 0) return;
    this.entries.delete(key);
    while (this.entries.size >= this.max)
      this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { stamp, value });
  }

  get size(): number {
    return this.entries.size;
  }
}

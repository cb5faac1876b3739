import type { Courier } from './courier.js';

/**
 * The couriers this server knows, by key. Built once in `buildApp` from the adapters'
 * factories; the core asks the registry and never imports an adapter. Two adapters with one
 * key fail at boot.
 */
export class CourierRegistry {
  private readonly byKey = new Map<string, Courier>();

  constructor(couriers: readonly Courier[]) {
    for (const c of couriers) {
      if (this.byKey.has(c.key)) throw new Error(`courier "${c.key}" registered twice`);
      this.byKey.set(c.key, c);
    }
  }

  /** The courier for a key, or undefined for one this server does not have. */
  find(key: string): Courier | undefined {
    return this.byKey.get(key);
  }

  keys(): string[] {
    return [...this.byKey.keys()];
  }
}

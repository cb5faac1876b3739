/** What every report query is asked: whose, which local days, which slice. */
export interface ReportContext {
  accountId: number;
  timeZone: string;
  currency: string;
  /** Local days YYYY-MM-DD, inclusive, from ≤ to. */
  from: string;
  to: string;
  storeId: number | null;
  courier: string | null;
}

/** The slice filter of rollup reads (rollup/read.ts) for a context. */
export function sliceOf(c: ReportContext): { storeId?: number; courier?: string } {
  return {
    ...(c.storeId !== null && { storeId: c.storeId }),
    ...(c.courier !== null && { courier: c.courier }),
  };
}

/** The head every report repeats (reports.schema.ts ReportHead). */
export function headOf(c: ReportContext) {
  return {
    timezone: c.timeZone,
    currency: c.currency,
    from: c.from,
    to: c.to,
    store_id: c.storeId,
    courier: c.courier,
  };
}

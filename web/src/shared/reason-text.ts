import type { TFunction } from 'i18next';
import type { ReasonCode } from '../api/generated/reason-codes';

/**
 * A reason as the server stores it (a stable code and its parameters, server/src/shared/reasons.ts),
 * rendered in the reader's language from `reasons.<code>`. A code this dashboard does not know
 * yet (a newer server) shows as the code itself, never as an empty cell.
 */
export interface Reason {
  code: ReasonCode;
  params: Record<string, string | number>;
}

/** The `no_eligible_packer` counters, in the order they are told. */
const CAUSES = ['inactive', 'off_shift', 'store_not_allowed', 'lacks_skill', 'at_max'] as const;

export function reasonText(r: Reason | null | undefined, t: TFunction): string {
  if (!r) return '—';
  const p = r.params;
  const text = (key: string, opts: Record<string, unknown> = {}) =>
    t(`reasons.${key}`, { ...opts, defaultValue: r.code });
  const storeStatus = (s: unknown) =>
    t(`reasons.storeStatus.${String(s)}`, { defaultValue: String(s) });
  switch (r.code) {
    case 'no_eligible_packer': {
      const list = CAUSES.filter((c) => Number(p[c] ?? 0) > 0)
        .map((c) => t(`reasons.causes.${c}`, { count: Number(p[c]), skills: p.skills ?? '' }))
        .join(', ');
      return text('no_eligible_packer', { list });
    }
    case 'round_robin':
    case 'least_loaded':
    case 'least_loaded_only':
    case 'weighted': {
      const rest =
        r.code === 'round_robin' && !Number(p.after) ? text('round_robin_first') : text(r.code, p);
      return p.skills ? t('reasons.with_skills', { skills: p.skills, rest }) : rest;
    }
    case 'synced_from_store':
    case 'store_marked':
      return text(r.code, { store_status: storeStatus(p.store_status) });
    default:
      return text(r.code, p);
  }
}

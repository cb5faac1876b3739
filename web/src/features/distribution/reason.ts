import type { TFunction } from 'i18next';

/**
 * Distribution reasons are written by the server in English (they live in the audit trail);
 * the dashboard shows the ones it recognises in the user's language, others as they are.
 */
const PATTERNS: [RegExp, (m: RegExpExecArray, t: TFunction) => string][] = [
  [
    /^least loaded: (\d+) open, next had (\d+)$/,
    (m, t) => t('distribution.reasons.leastLoaded', { open: m[1], next: m[2] }),
  ],
  [
    /^least loaded: (\d+) open, the only eligible packer$/,
    (m, t) => t('distribution.reasons.leastLoadedOnly', { open: m[1] }),
  ],
  [
    /^round-robin: next in turn after #(\S+)$/,
    (m, t) => t('distribution.reasons.roundRobin', { after: m[1] }),
  ],
  [
    /^weighted share ([\d.]+)% \(weight (\d+) of (\d+)\)$/,
    (m, t) => t('distribution.reasons.weighted', { share: m[1], weight: m[2], total: m[3] }),
  ],
  [
    /^skill: (.+?); (.+)$/,
    (m, t) =>
      t('distribution.reasons.skill', { skills: m[1], rest: translateReason(m[2] ?? '', t) }),
  ],
  [/^no packers$/, (_m, t) => t('distribution.reasons.noPackers')],
  [
    /^no eligible packer: (.+)$/,
    (m, t) =>
      t('distribution.reasons.noEligible', {
        list: (m[1] ?? '')
          .split(', ')
          .map((p) => part(p, t))
          .join(', '),
      }),
  ],
];

function part(text: string, t: TFunction): string {
  const m = /^(\d+) (.+)$/.exec(text);
  if (!m) return text;
  const count = Number(m[1]);
  const why = m[2] ?? '';
  if (why === 'off shift') return t('distribution.reasons.offShift', { count });
  if (why === 'inactive') return t('distribution.reasons.inactive', { count });
  if (why === 'store not allowed') return t('distribution.reasons.storeNotAllowed', { count });
  const skill = /^lacks skill (.+)$/.exec(why);
  if (skill) return t('distribution.reasons.lacksSkill', { count, skill: skill[1] });
  const max = /^at max open orders \((\d+)\)$/.exec(why);
  if (max) return t('distribution.reasons.atMax', { count, max: max[1] });
  return text;
}

export function translateReason(reason: string, t: TFunction): string {
  for (const [re, render] of PATTERNS) {
    const m = re.exec(reason);
    if (m) return render(m, t);
  }
  return reason;
}

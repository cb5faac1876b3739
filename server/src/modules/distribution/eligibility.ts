import { WEEKDAYS, type Weekday } from '../packers/packers.schema.js';
import type { Candidate, DistOrder } from './distribution.types.js';
import { reason, type Reason, type ReasonParamsByCode } from '../../shared/reasons.js';

/** Everything the eligibility rules need besides the order and the packer. */
export interface EligibilityContext {
  now: number;
  timeZone: string;
  /** Skills that some packer of the account declares: an order matching one requires it. */
  knownSkills: readonly string[];
  /** The local weekday and minute of `now`, computed once (Intl is slow per call). */
  local: LocalTime;
}

export interface LocalTime {
  day: Weekday;
  minutes: number;
}

export function eligibilityContext(
  now: number,
  timeZone: string,
  knownSkills: readonly string[],
): EligibilityContext {
  return { now, timeZone, knownSkills, local: localTime(now, timeZone) };
}

/** Per order: the skills it requires, computed once for all packers. */
export type RuleContext = EligibilityContext & { required: readonly string[] };

/** Why a packer was left out: the counters of the `no_eligible_packer` reason. */
export type RejectCause = 'inactive' | 'off_shift' | 'store_not_allowed' | 'lacks_skill' | 'at_max';

/** A rule returns null when the packer may take the order, else the cause. */
export type EligibilityRule = (
  order: DistOrder,
  packer: Candidate,
  ctx: RuleContext,
) => RejectCause | null;

export const isActive: EligibilityRule = (_o, p) => (p.active ? null : 'inactive');

export const isOnShift: EligibilityRule = (_o, p, ctx) =>
  onShiftAt(p.shifts, ctx.local) ? null : 'off_shift';

/** An empty list of allowed stores means every store; manual orders need an empty list. */
export const storeAllowed: EligibilityRule = (o, p) =>
  p.allowedStoreIds.length === 0 || (o.storeId !== null && p.allowedStoreIds.includes(o.storeId))
    ? null
    : 'store_not_allowed';

export const hasRequiredSkills: EligibilityRule = (_o, p, ctx) => {
  if (ctx.required.length === 0) return null;
  return missingSkills(p, ctx.required).length ? 'lacks_skill' : null;
};

export const underMaxOpen: EligibilityRule = (_o, p) =>
  p.maxOpenOrders === null || p.openOrders < p.maxOpenOrders ? null : 'at_max';

function missingSkills(p: Candidate, required: readonly string[]): string[] {
  return required.filter((s) => !p.skills.includes(s));
}

/** The rules, in the order they are reported. */
export const ELIGIBILITY_RULES: readonly EligibilityRule[] = [
  isActive,
  isOnShift,
  storeAllowed,
  hasRequiredSkills,
  underMaxOpen,
];

/**
 * Whether a packer may keep an order already theirs: the rules about the order itself (its
 * store, the skills it requires), not about the packer's availability or load.
 */
export function keepsOrder(o: DistOrder, p: Candidate, ctx: EligibilityContext): boolean {
  const rc: RuleContext = { ...ctx, required: requiredSkills(o, ctx.knownSkills) };
  return storeAllowed(o, p, rc) === null && hasRequiredSkills(o, p, rc) === null;
}

/**
 * A skill is a rule about orders; an order that matches a skill some packer has needs a
 * packer with that skill. Forms (case-insensitive):
 *   sku:ABC-1      an item with exactly this SKU
 *   sku:ABC-*      an item whose SKU starts with ABC-
 *   category:x     an item in product category x (a bare word "fragile" means category:fragile)
 *   shipping:x     a shipping method whose id or title is x
 *   value>=500     order total at least 500 (major units); also value>, value<, value<=
 */
export function skillMatches(skill: string, o: DistOrder): boolean {
  return compileSkill(skill)(o);
}

type Matcher = (o: DistOrder) => boolean;
const compiled = new Map<string, Matcher>();

/** Parses a skill once; distribution asks every order about every known skill. */
function compileSkill(skill: string): Matcher {
  const cached = compiled.get(skill);
  if (cached) return cached;
  const m = parseSkill(skill.trim().toLowerCase());
  if (compiled.size > 10_000) compiled.clear();
  compiled.set(skill, m);
  return m;
}

function parseSkill(s: string): Matcher {
  const value = /^value\s*(>=|>|<=|<)\s*(\d+(?:\.\d+)?)$/.exec(s);
  if (value) {
    const limit = Math.round(Number(value[2]) * 100);
    if (value[1] === '>=') return (o) => o.totalMinor >= limit;
    if (value[1] === '>') return (o) => o.totalMinor > limit;
    if (value[1] === '<=') return (o) => o.totalMinor <= limit;
    return (o) => o.totalMinor < limit;
  }
  const colon = s.indexOf(':');
  const kind = colon < 0 ? 'category' : s.slice(0, colon);
  const arg = colon < 0 ? s : s.slice(colon + 1).trim();
  if (!arg) return () => false;
  if (kind === 'sku' && arg.endsWith('*')) {
    const prefix = arg.slice(0, -1);
    return (o) => o.skus.some((x) => x.toLowerCase().startsWith(prefix));
  }
  if (kind === 'sku') return (o) => o.skus.some((x) => x.toLowerCase() === arg);
  if (kind === 'category') return (o) => o.categories.includes(arg);
  if (kind === 'shipping') return (o) => o.shippingMethods.includes(arg);
  return () => false;
}

export function requiredSkills(o: DistOrder, knownSkills: readonly string[]): string[] {
  const out: string[] = [];
  for (const s of knownSkills) if (compileSkill(s)(o)) out.push(s);
  return out;
}

export interface Eligibility {
  /** The skills the order requires (see skillMatches). */
  required: string[];
  eligible: Candidate[];
  /** Why each other packer was left out, for the Unassigned reason. */
  rejected: { packer: Candidate; why: RejectCause }[];
}

export function filterEligible(
  o: DistOrder,
  packers: readonly Candidate[],
  ctx: EligibilityContext,
): Eligibility {
  const required = requiredSkills(o, ctx.knownSkills);
  const result: Eligibility = { required, eligible: [], rejected: [] };
  const rc: RuleContext = { ...ctx, required };
  for (const p of packers) {
    let why: RejectCause | null = null;
    for (const rule of ELIGIBILITY_RULES) {
      why = rule(o, p, rc);
      if (why) break;
    }
    if (why) result.rejected.push({ packer: p, why });
    else result.eligible.push(p);
  }
  return result;
}

/** `no_eligible_packer {off_shift: 2, lacks_skill: 1, skills: "category:fragile"}`. */
export function unassignedReason(e: Eligibility): Reason {
  if (e.rejected.length === 0) return reason('no_packers');
  const params: ReasonParamsByCode['no_eligible_packer'] = {};
  const skills = new Set<string>();
  for (const r of e.rejected) {
    params[r.why] = (params[r.why] ?? 0) + 1;
    if (r.why === 'lacks_skill') for (const s of missingSkills(r.packer, e.required)) skills.add(s);
  }
  if (skills.size) params.skills = [...skills].join(', ');
  return reason('no_eligible_packer', params);
}

const formats = new Map<string, Intl.DateTimeFormat>();
const SHORT_DAYS: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

/** The weekday and minute of the day at `now` in the account's time zone. */
export function localTime(now: number, timeZone: string): LocalTime {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  let day: Weekday = 'mon';
  let minutes = 0;
  for (const part of f.formatToParts(now)) {
    if (part.type === 'weekday') day = SHORT_DAYS[part.value] ?? 'mon';
    else if (part.type === 'hour') minutes += Number(part.value) * 60;
    else if (part.type === 'minute') minutes += Number(part.value);
  }
  return { day, minutes };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** An empty weekly schedule means always available (small shops do not plan shifts). */
export function onShift(shifts: Candidate['shifts'], now: number, timeZone: string): boolean {
  return onShiftAt(shifts, localTime(now, timeZone));
}

function onShiftAt(shifts: Candidate['shifts'], { day, minutes }: LocalTime): boolean {
  const table = shiftTable(shifts);
  if (table === 'always') return true;
  return (table[day] ?? []).some(([start, end]) => minutes >= start && minutes < end);
}

type ShiftTable = 'always' | Partial<Record<Weekday, [number, number][]>>;
const tables = new WeakMap<Candidate['shifts'], ShiftTable>();

/** Shifts in minutes of the day, parsed once per schedule object (asked per order). */
function shiftTable(shifts: Candidate['shifts']): ShiftTable {
  let t = tables.get(shifts);
  if (t) return t;
  if (WEEKDAYS.every((d) => (shifts[d] ?? []).length === 0)) t = 'always';
  else {
    const byDay: Partial<Record<Weekday, [number, number][]>> = {};
    for (const d of WEEKDAYS)
      byDay[d] = (shifts[d] ?? []).map((s) => [toMinutes(s.start), toMinutes(s.end)]);
    t = byDay;
  }
  tables.set(shifts, t);
  return t;
}

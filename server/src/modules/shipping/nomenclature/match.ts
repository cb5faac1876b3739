import type { CourierLocality } from '../couriers/courier.js';
import {
  bucharestSector,
  cleanPostcode,
  countyKey,
  countyName,
  countyOfPostcode,
  editDistance,
  fold,
  namesBucharest,
  placeKey,
  sectorOfName,
} from './normalize.js';

/** The recipient's place as the order carries it (county: WooCommerce code or a name). */
export interface RecipientPlace {
  county: string;
  city: string;
  postcode: string | null;
  address1: string;
  address2?: string | null;
}

/** Why a match was made, or why none was. */
export type MatchReason =
  | 'exact'
  | 'sector'
  | 'village_in_commune'
  | 'postcode'
  | 'county_seat'
  | 'spelling'
  | 'county_from_postcode'
  | 'county_unknown'
  | 'locality_not_found'
  | 'same_name'
  | 'sector_missing'
  | 'commune_without_village'
  | 'county_mismatch'
  | 'spelling_unsure';

export type MatchResult =
  | { status: 'matched'; match: CourierLocality; confidence: number; reason: MatchReason }
  | {
      status: 'ambiguous' | 'unmatched';
      match: null;
      confidence: 0;
      reason: MatchReason;
      candidates: CourierLocality[];
    };

/** Below this a match is not made: the person chooses. */
export const CONFIDENT = 0.85;
/** Candidates offered at most (Bucharest's six sectors are the one exception). */
export const MAX_CANDIDATES = 5;

// A county's list is matched against many times: each locality's key is folded once.
const keys = new WeakMap<CourierLocality, string>();
const keyOf = (l: CourierLocality) => {
  let k = keys.get(l);
  if (k === undefined) keys.set(l, (k = placeKey(l.name)));
  return k;
};
const compact = (k: string) => k.replace(/ /g, '');

function matched(l: CourierLocality, confidence: number, reason: MatchReason): MatchResult {
  if (confidence < CONFIDENT) return open('ambiguous', reason, [l]);
  return { status: 'matched', match: l, confidence, reason };
}

function open(
  status: 'ambiguous' | 'unmatched',
  reason: MatchReason,
  candidates: CourierLocality[],
  max = MAX_CANDIDATES,
): MatchResult {
  const seen = new Set<CourierLocality>();
  const unique = candidates.filter((c) => !seen.has(c) && seen.add(c));
  return { status, match: null, confidence: 0, reason, candidates: unique.slice(0, max) };
}

/** "Sat X, Comuna Y", "X, com. Y", "X (com. Y)", "Comuna Y, sat X" → the place and its commune. */
export function splitLocality(city: string): { place: string; commune: string | null } {
  const k = fold(city)
    .replace(/\b(?:jud|judet|judetul)\b.*$/, '')
    .trim();
  const villageFirst = /^(?:(?:sat|satul|loc|localitatea) )?(.+?) (?:comuna|com) (.+)$/.exec(k);
  if (villageFirst)
    return { place: placeKey(villageFirst[1]!), commune: placeKey(villageFirst[2]!) };
  const communeFirst = /^(?:comuna|com) (.+?) (?:sat|satul|loc) (.+)$/.exec(k);
  if (communeFirst)
    return { place: placeKey(communeFirst[2]!), commune: placeKey(communeFirst[1]!) };
  return { place: placeKey(k), commune: null };
}

/** Whether a folded text holds a place key as whole words. */
const mentions = (text: string, key: string) => key !== '' && ` ${text} `.includes(` ${key} `);

interface Found {
  kind: 'one' | 'many' | 'none';
  hits: CourierLocality[];
  confidence: number;
  reason: MatchReason;
}

/**
 * The recipient's place in the courier's list. Rules, in order: Bucharest by sector; the
 * locality by name in the order's county (a village named with its commune, a commune
 * resolved to its seat or to the village the address names, the county seat written short,
 * a misspelling only when one place is clearly nearest); then the county the postal code
 * says; a postal code that fits one candidate decides. Anything else is ambiguous or
 * unmatched with the closest candidates — never a silent guess.
 */
export function matchLocality(
  r: RecipientPlace,
  localities: readonly CourierLocality[],
): MatchResult {
  const state = countyName(r.county);
  const fromPostcode = countyOfPostcode(r.postcode);
  const postcode = cleanPostcode(r.postcode);
  const lines = [r.address1, r.address2 ?? ''];
  const inCounty = (name: string) => {
    const k = countyKey(name);
    return localities.filter((l) => countyKey(l.countyName) === k);
  };

  if (namesBucharest(r.city) || (state === 'București' && !fold(r.city))) {
    const b = bucharest(r, inCounty('București'), lines);
    if (b) return b;
  }

  const { place, commune } = splitLocality(r.city);
  const text = fold(lines.join(' '));
  if (state) {
    const found = findIn(inCounty(state), place, commune, text, postcode);
    const elsewhere = localities.filter(
      (l) => keyOf(l) === place && countyKey(l.countyName) !== countyKey(state),
    );
    // A misspelling near a place of this county, while another county has the exact name: ask.
    if (found.kind === 'one' && found.reason === 'spelling' && elsewhere.length > 0)
      return open('ambiguous', 'county_mismatch', [...found.hits, ...elsewhere]);
    if (found.kind === 'one') return matched(found.hits[0]!, found.confidence, found.reason);
    // The postal code's county may be the right one (a wrong county chosen in the checkout).
    if (fromPostcode && fromPostcode !== state) {
      const other = findIn(inCounty(fromPostcode), place, commune, text, postcode);
      if (other.kind === 'one' && other.reason === 'exact')
        return matched(other.hits[0]!, 0.9, 'county_from_postcode');
    }
    if (found.kind === 'many') return open('ambiguous', found.reason, found.hits);
    if (elsewhere.length > 0) return open('ambiguous', 'county_mismatch', elsewhere);
    if (postcode) {
      const byCode = localities.filter((l) => l.postcode === postcode);
      if (byCode.length === 1 && !place) return matched(byCode[0]!, 0.9, 'postcode');
    }
    return open(
      found.hits.length > 0 ? 'ambiguous' : 'unmatched',
      found.hits.length > 0 ? found.reason : 'locality_not_found',
      found.hits.length > 0 ? found.hits : closest(inCounty(state), place),
    );
  }
  if (fromPostcode) {
    const found = findIn(inCounty(fromPostcode), place, commune, text, postcode);
    if (found.kind === 'one') return matched(found.hits[0]!, found.confidence, found.reason);
  }
  const sameName = localities.filter((l) => keyOf(l) === place);
  return open(sameName.length > 0 ? 'ambiguous' : 'unmatched', 'county_unknown', sameName);
}

function bucharest(
  r: RecipientPlace,
  pool: CourierLocality[],
  lines: string[],
): MatchResult | null {
  if (pool.length === 0) return null;
  const sectors = pool
    .filter((l) => sectorOfName(l.name) !== null)
    .sort((a, b) => sectorOfName(a.name)! - sectorOfName(b.name)!);
  const whole = pool.filter((l) => placeKey(l.name) === 'bucuresti');
  const sector = bucharestSector(r.city, lines, r.postcode);
  if (sector !== null) {
    const s = sectors.find((l) => sectorOfName(l.name) === sector);
    if (s) return matched(s, 1, 'sector');
  }
  // A courier that lists Bucharest as one place needs no sector.
  if (whole.length === 1) return matched(whole[0]!, 1, 'exact');
  if (sectors.length > 0) return open('ambiguous', 'sector_missing', sectors, 6);
  return null;
}

function findIn(
  pool: CourierLocality[],
  place: string,
  commune: string | null,
  text: string,
  postcode: string | null,
): Found {
  const none: Found = { kind: 'none', hits: [], confidence: 0, reason: 'locality_not_found' };
  if (pool.length === 0) return none;
  if (!place) {
    const byCode = fitting(pool, postcode);
    return byCode.length === 1
      ? { ...none, kind: 'one', hits: byCode, confidence: 0.9, reason: 'postcode' }
      : none;
  }
  const communeKey = (l: CourierLocality) => (l.commune ? placeKey(l.commune) : null);
  let exact = pool.filter((l) => keyOf(l) === place || compact(keyOf(l)) === compact(place));
  if (commune) {
    const within = exact.filter(
      (l) => communeKey(l) === commune || (!l.commune && keyOf(l) === commune),
    );
    if (within.length > 0) exact = within;
    else {
      // "Sat X, Comuna Y" with X misspelled: the nearest village of Y only.
      const villages = pool.filter((l) => communeKey(l) === commune);
      const near = nearest(villages, place);
      if (near) return near;
    }
  }
  // The commune's seat, unless the address says "sat X" of another village of that commune.
  const one = exact.length === 1 ? exact[0]! : null;
  const seatOf =
    one && (one.commune === null || communeKey(one) === keyOf(one)) ? keyOf(one) : null;
  if (seatOf) {
    // Keys hold only [a-z0-9 ], safe inside a pattern.
    const named = pool.filter(
      (l) =>
        communeKey(l) === seatOf &&
        keyOf(l) !== seatOf &&
        new RegExp(`\\b(?:sat|satul) ${keyOf(l)}\\b`).test(text),
    );
    if (named.length === 1)
      return { kind: 'one', hits: named, confidence: 0.95, reason: 'village_in_commune' };
  }
  if (one) return { kind: 'one', hits: [one], confidence: 1, reason: 'exact' };
  if (exact.length > 1) {
    const byCode = postcode ? exact.filter((l) => l.postcode === postcode) : [];
    if (byCode.length === 1)
      return { kind: 'one', hits: byCode, confidence: 0.95, reason: 'postcode' };
    const byText = exact.filter((l) => l.commune && mentions(text, placeKey(l.commune)));
    if (byText.length === 1)
      return { kind: 'one', hits: byText, confidence: 0.9, reason: 'village_in_commune' };
    return { kind: 'many', hits: exact, confidence: 0, reason: 'same_name' };
  }
  // A commune written without its village: the village the address names, else the choice.
  const villages = pool.filter((l) => communeKey(l) === place);
  if (villages.length > 0) {
    const named = villages.filter((l) => mentions(text, keyOf(l)));
    if (named.length === 1)
      return { kind: 'one', hits: named, confidence: 0.95, reason: 'village_in_commune' };
    const byCode = postcode ? villages.filter((l) => l.postcode === postcode) : [];
    if (byCode.length === 1)
      return { kind: 'one', hits: byCode, confidence: 0.95, reason: 'postcode' };
    return { kind: 'many', hits: villages, confidence: 0, reason: 'commune_without_village' };
  }
  // "Cluj" for Cluj-Napoca: the county's one town whose name starts with the county's.
  const seats = pool.filter((l) => l.commune === null && keyOf(l).startsWith(`${place} `));
  if (seats.length === 1 && countyKey(seats[0]!.countyName) === place)
    return { kind: 'one', hits: seats, confidence: 0.9, reason: 'county_seat' };
  const byCode = fitting(pool, postcode);
  const near = nearest(pool, place);
  if (near && byCode.length === 1 && near.hits[0] !== byCode[0])
    return {
      kind: 'many',
      hits: [...near.hits, ...byCode],
      confidence: 0,
      reason: 'spelling_unsure',
    };
  if (near) return near;
  if (byCode.length === 1)
    return { kind: 'one', hits: byCode, confidence: 0.9, reason: 'postcode' };
  return { ...none, hits: [] };
}

/**
 * The places a postal code fits: the one with that exact code, else the one town whose main
 * code shares the first three digits when no other place of the county does (a city has a
 * code per street: 400347 is Cluj-Napoca, listed as 400001).
 */
function fitting(pool: CourierLocality[], postcode: string | null): CourierLocality[] {
  if (!postcode) return [];
  const exact = pool.filter((l) => l.postcode === postcode);
  if (exact.length > 0) return exact;
  const prefix = postcode.slice(0, 3);
  const near = pool.filter((l) => l.postcode?.startsWith(prefix));
  return near.length === 1 && near[0]!.commune === null ? near : [];
}

/** The one place clearly nearest in spelling, or the near ones as "unsure", or null. */
function nearest(pool: CourierLocality[], place: string): Found | null {
  const allowed = place.length <= 4 ? 0 : place.length <= 8 ? 1 : 2;
  if (allowed === 0) return null;
  const scored = pool
    .map((l) => ({
      l,
      d: Math.min(editDistance(keyOf(l), place), editDistance(compact(keyOf(l)), compact(place))),
    }))
    .sort((a, b) => a.d - b.d);
  const best = scored[0];
  if (!best || best.d > allowed) return null;
  const rivals = scored.filter((s) => s.d <= best.d + 1 && s.l !== best.l);
  if (rivals.length === 0)
    return { kind: 'one', hits: [best.l], confidence: 1 - 0.05 * best.d, reason: 'spelling' };
  return {
    kind: 'many',
    hits: [best.l, ...rivals.map((s) => s.l)],
    confidence: 0,
    reason: 'spelling_unsure',
  };
}

/** The places nearest in spelling (for "unmatched": what the person may have meant). */
function closest(pool: CourierLocality[], place: string): CourierLocality[] {
  return pool
    .map((l) => ({ l, d: editDistance(keyOf(l), place) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, MAX_CANDIDATES)
    .map((s) => s.l);
}

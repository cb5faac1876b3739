import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMPTY_SCHEDULE } from '../packers/packers.schema.js';
import { decide, knownSkillsOf } from './decide.js';
import type { Candidate, DistOrder, StrategyState } from './distribution.types.js';
import {
  eligibilityContext,
  filterEligible,
  hasRequiredSkills,
  isActive,
  isOnShift,
  keepsOrder,
  localTime,
  onShift,
  skillMatches,
  storeAllowed,
  unassignedReason,
  underMaxOpen,
} from './eligibility.js';
import { STRATEGIES, leastLoaded, roundRobin, strategyOf, weighted } from './strategies.js';

const packer = (id: number, over: Partial<Candidate> = {}): Candidate => ({
  id,
  name: `P${id}`,
  active: true,
  weight: 1,
  maxOpenOrders: null,
  skills: [],
  allowedStoreIds: [],
  shifts: EMPTY_SCHEDULE,
  openOrders: 0,
  lastAssignedAt: null,
  ...over,
});
const order = (over: Partial<DistOrder> = {}): DistOrder => ({
  id: 1,
  storeId: 7,
  skus: ['TRC-001'],
  categories: [],
  shippingMethods: ['fan_courier'],
  totalMinor: 10_000,
  ...over,
});
// Monday 30 November 2026, 10:30 in Bucharest (UTC+2).
const MONDAY_1030 = Date.parse('2026-11-30T08:30:00Z');
const ctx = (skills: string[] = [], now = MONDAY_1030) =>
  eligibilityContext(now, 'Europe/Bucharest', skills);
const rule = (skills: string[] = []) => ({
  ...ctx(skills),
  required: skills.filter((s) => skillMatches(s, order())),
});

describe('strategies (pure)', () => {
  it('registers every strategy in one typed registry and fails on an unknown key', () => {
    assert.deepEqual(Object.keys(STRATEGIES).sort(), ['least-loaded', 'round-robin', 'weighted']);
    assert.throws(() => strategyOf('random'), /unknown distribution strategy/);
  });

  it('round-robin takes the next packer by id after the last one, wrapping, deterministically', () => {
    const ps = [packer(1), packer(2), packer(3)];
    let state: StrategyState = {};
    const picks: number[] = [];
    for (let i = 0; i < 7; i++) {
      const d = roundRobin.pick(order(), ps, state);
      picks.push(d.packer.id);
      state = d.state;
    }
    assert.deepEqual(picks, [1, 2, 3, 1, 2, 3, 1]);
    assert.deepEqual(roundRobin.pick(order(), ps, { lastPackerId: 2 }).packer.id, 3);
    assert.deepEqual(roundRobin.pick(order(), ps, { lastPackerId: 2 }).reason, {
      code: 'round_robin',
      params: { after: 2 },
    });
  });

  it('least-loaded takes the fewest open orders, then the longest idle, then the lowest id', () => {
    const ps = [
      packer(1, { openOrders: 5 }),
      packer(2, { openOrders: 3, lastAssignedAt: 200 }),
      packer(3, { openOrders: 3, lastAssignedAt: 100 }),
    ];
    const d = leastLoaded.pick(order(), ps, {});
    assert.equal(d.packer.id, 3);
    assert.deepEqual(d.reason, { code: 'least_loaded', params: { open: 3, next: 3 } });
    const d2 = leastLoaded.pick(
      order(),
      [packer(1, { openOrders: 5 }), packer(2, { openOrders: 3 })],
      {},
    );
    assert.deepEqual(d2.reason, { code: 'least_loaded', params: { open: 3, next: 5 } });
    assert.deepEqual(leastLoaded.pick(order(), [packer(9, { openOrders: 2 })], {}).reason, {
      code: 'least_loaded_only',
      params: { open: 2 },
    });
  });

  it('weighted gives each packer its share, evenly spread (smooth weighted round-robin)', () => {
    const ps = [packer(1, { weight: 5 }), packer(2, { weight: 3 }), packer(3, { weight: 2 })];
    let state: StrategyState = {};
    const counts = new Map<number, number>();
    const first: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const d = weighted.pick(order(), ps, state);
      state = d.state;
      counts.set(d.packer.id, (counts.get(d.packer.id) ?? 0) + 1);
      if (i < 10) first.push(d.packer.id);
    }
    assert.deepEqual([...counts].sort(), [
      [1, 500],
      [2, 300],
      [3, 200],
    ]);
    assert.deepEqual(first, [1, 2, 3, 1, 1, 2, 1, 3, 2, 1]);
    assert.deepEqual(weighted.pick(order(), ps, {}).reason, {
      code: 'weighted',
      params: { share: 50, weight: 5, total: 10 },
    });
  });

  it('does not mutate its inputs', () => {
    const ps = [packer(1), packer(2)];
    const state: StrategyState = { weights: { 1: 0 } };
    const frozen = JSON.stringify({ ps, state });
    weighted.pick(order(), ps, state);
    roundRobin.pick(order(), ps, state);
    leastLoaded.pick(order(), ps, state);
    assert.equal(JSON.stringify({ ps, state }), frozen);
  });
});

describe('eligibility rules (pure)', () => {
  it('active', () => {
    assert.equal(isActive(order(), packer(1), rule()), null);
    assert.equal(isActive(order(), packer(1, { active: false }), rule()), 'inactive');
  });

  it('on shift now, in the account time zone; an empty schedule is always on', () => {
    const shifts = { ...EMPTY_SCHEDULE, mon: [{ start: '08:00', end: '16:00' }] };
    assert.deepEqual(localTime(MONDAY_1030, 'Europe/Bucharest'), { day: 'mon', minutes: 630 });
    assert.equal(isOnShift(order(), packer(1, { shifts }), rule()), null);
    assert.equal(isOnShift(order(), packer(1), rule()), null);
    // 16:00 local is the end: off. 07:59 local: off. Same instant in UTC would be 14:00: on.
    const at = (iso: string) => ({ ...ctx([], Date.parse(iso)), required: [] });
    assert.equal(
      isOnShift(order(), packer(1, { shifts }), at('2026-11-30T14:00:00Z')),
      'off_shift',
    );
    assert.equal(
      isOnShift(order(), packer(1, { shifts }), at('2026-11-30T05:59:00Z')),
      'off_shift',
    );
    assert.equal(
      isOnShift(order(), packer(1, { shifts }), at('2026-12-01T08:30:00Z')),
      'off_shift',
      'Tuesday has no shift',
    );
    const utc = {
      ...eligibilityContext(Date.parse('2026-11-30T14:00:00Z'), 'UTC', []),
      required: [],
    };
    assert.equal(isOnShift(order(), packer(1, { shifts }), utc), null);
  });

  it('a shift includes its start minute and excludes its end minute', () => {
    const shifts = { ...EMPTY_SCHEDULE, mon: [{ start: '08:00', end: '16:00' }] };
    const at = (iso: string) => ({ ...ctx([], Date.parse(iso)), required: [] });
    const on = (iso: string) => isOnShift(order(), packer(1, { shifts }), at(iso));
    // Bucharest is UTC+2 in November: 06:00Z is 08:00 local.
    assert.equal(on('2026-11-30T05:59:59Z'), 'off_shift', '07:59:59 is before the start');
    assert.equal(on('2026-11-30T06:00:00Z'), null, '08:00 (the start minute) is on');
    assert.equal(on('2026-11-30T06:00:59Z'), null);
    assert.equal(on('2026-11-30T13:59:59Z'), null, '15:59 (the last minute) is on');
    assert.equal(on('2026-11-30T14:00:00Z'), 'off_shift', '16:00 (the end minute) is off');
  });

  it('allowed store; an empty list means every store, manual orders need it empty', () => {
    assert.equal(storeAllowed(order(), packer(1), rule()), null);
    assert.equal(storeAllowed(order(), packer(1, { allowedStoreIds: [7] }), rule()), null);
    assert.equal(
      storeAllowed(order(), packer(1, { allowedStoreIds: [8] }), rule()),
      'store_not_allowed',
    );
    assert.equal(
      storeAllowed(order({ storeId: null }), packer(1, { allowedStoreIds: [8] }), rule()),
      'store_not_allowed',
    );
  });

  it('max open orders', () => {
    assert.equal(
      underMaxOpen(order(), packer(1, { maxOpenOrders: 3, openOrders: 2 }), rule()),
      null,
    );
    assert.equal(
      underMaxOpen(order(), packer(1, { maxOpenOrders: 3, openOrders: 3 }), rule()),
      'at_max',
    );
  });

  it('skills by SKU, SKU prefix, category, shipping method and order value', () => {
    const o = order({
      skus: ['GLS-100', 'TRC-001'],
      categories: ['fragile'],
      shippingMethods: ['easybox', 'sameday easybox'],
      totalMinor: 75_000,
    });
    assert.ok(skillMatches('sku:TRC-001', o));
    assert.ok(!skillMatches('sku:TRC-00', o));
    assert.ok(skillMatches('sku:GLS-*', o));
    assert.ok(skillMatches('category:fragile', o));
    assert.ok(skillMatches('Fragile', o), 'a bare word is a category');
    assert.ok(skillMatches('shipping:easybox', o));
    assert.ok(skillMatches('value>=500', o));
    assert.ok(!skillMatches('value>750', o));
    assert.ok(skillMatches('value<=750', o));
    assert.ok(!skillMatches('value<100', o));
    assert.ok(!skillMatches('colour:red', o));
    const required = ['category:fragile', 'sku:gls-*'];
    assert.equal(
      hasRequiredSkills(o, packer(1, { skills: ['category:fragile'] }), { ...ctx(), required }),
      'lacks_skill',
    );
    assert.equal(
      hasRequiredSkills(o, packer(1, { skills: required }), { ...ctx(), required }),
      null,
    );
  });

  it('reports why nobody was eligible, and names the skill in the reason of a decision', () => {
    const ps = [
      packer(1, { active: false }),
      packer(2, { skills: ['category:fragile'], maxOpenOrders: 1, openOrders: 1 }),
      packer(3),
    ];
    const o = order({ categories: ['fragile'] });
    const none = decide(o, ps, {}, leastLoaded, ctx(knownSkillsOf(ps)));
    assert.deepEqual(none, {
      kind: 'unassigned',
      reason: {
        code: 'no_eligible_packer',
        params: { inactive: 1, at_max: 1, lacks_skill: 1, skills: 'category:fragile' },
      },
      state: {},
    });
    const ps2 = [...ps, packer(4, { skills: ['category:fragile'], openOrders: 3 })];
    const d = decide(o, ps2, {}, leastLoaded, ctx(knownSkillsOf(ps2)));
    assert.equal(d.kind, 'assign');
    assert.equal(d.kind === 'assign' && d.packer.id, 4);
    assert.deepEqual(d.kind === 'assign' && d.reason, {
      code: 'least_loaded_only',
      params: { open: 3, skills: 'category:fragile' },
    });
    const plain = filterEligible(order(), ps2, ctx(knownSkillsOf(ps2)));
    assert.deepEqual(
      plain.eligible.map((p) => p.id),
      [3, 4],
      'an order needing no skill goes to anyone',
    );
  });
});

describe('keeping an order already given (pure)', () => {
  const keeps = (p: Candidate, o: DistOrder, known: string[] = []) =>
    keepsOrder(o, p, eligibilityContext(MONDAY_1030, 'Europe/Bucharest', known));

  it('keeps it only while its store is allowed and its required skills are there', () => {
    const fragile = order({ categories: ['fragile'] });
    assert.equal(keeps(packer(1), order()), true, 'every store, no skill needed');
    assert.equal(keeps(packer(1, { allowedStoreIds: [7] }), order()), true);
    assert.equal(
      keeps(packer(1, { allowedStoreIds: [8] }), order()),
      false,
      'store no longer allowed',
    );
    assert.equal(keeps(packer(1), fragile, ['fragile']), false, 'lacks the skill');
    assert.equal(keeps(packer(1, { skills: ['fragile'] }), fragile, ['fragile']), true);
    assert.equal(
      keeps(packer(1, { skills: ['fragile'], allowedStoreIds: [8] }), fragile, ['fragile']),
      false,
      'skill there, store not allowed',
    );
    assert.equal(
      keeps(packer(1, { allowedStoreIds: [7] }), fragile, ['fragile']),
      false,
      'store allowed, skill missing',
    );
    // Availability is not asked: an inactive, full, off-shift packer keeps what is theirs.
    assert.equal(
      keeps(packer(1, { active: false, maxOpenOrders: 0, openOrders: 5 }), order()),
      true,
    );
  });

  it('names every missing skill', () => {
    const r = { ...ctx(['fragile', 'sku:TRC-']), required: ['fragile', 'sku:TRC-'] };
    assert.equal(hasRequiredSkills(order(), packer(1), r), 'lacks_skill');
    const skilled = packer(2, { skills: ['fragile'] });
    assert.deepEqual(
      unassignedReason({
        required: r.required,
        eligible: [],
        rejected: [
          { packer: packer(1), why: 'lacks_skill' },
          { packer: skilled, why: 'lacks_skill' },
        ],
      }),
      { code: 'no_eligible_packer', params: { lacks_skill: 2, skills: 'fragile, sku:TRC-' } },
    );
  });

  it('reads a schedule with days left out as those days off', () => {
    const mondayOnly = {
      mon: [{ start: '08:00', end: '16:00' }],
    } as unknown as Candidate['shifts'];
    assert.equal(onShift(mondayOnly, MONDAY_1030, 'Europe/Bucharest'), true);
    const tuesday = MONDAY_1030 + 24 * 3_600_000;
    assert.equal(onShift(mondayOnly, tuesday, 'Europe/Bucharest'), false);
    const noDays = {} as unknown as Candidate['shifts'];
    assert.equal(onShift(noDays, tuesday, 'Europe/Bucharest'), true, 'no schedule: always on');
  });
});

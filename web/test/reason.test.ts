// Reasons (distribution, assignments, the change log) arrive as a code with parameters and are
// shown in the reader's language; every code the server can write has RO and EN text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18next from 'i18next';
import en from '../src/i18n/en.json' with { type: 'json' };
import ro from '../src/i18n/ro.json' with { type: 'json' };
import { REASON_CODES, type ReasonCode } from '../src/api/generated/reason-codes.ts';
import { type Reason, reasonText } from '../src/shared/reason-text.ts';

async function translator(lng: 'ro' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { ro: { translation: ro }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return i18n.t.bind(i18n);
}

/** One example of each code the server writes (server/src/shared/reasons.ts). */
const EXAMPLES: Record<ReasonCode, Reason['params']> = {
  round_robin: { after: 12 },
  least_loaded: { open: 3, next: 5 },
  least_loaded_only: { open: 2 },
  weighted: { share: 30, weight: 3, total: 10 },
  no_packers: {},
  no_eligible_packer: { off_shift: 5 },
  by_hand: {},
  note: { text: 'Ion e în concediu' },
  phone_order: {},
  all_items_scanned: {},
  on_behalf_of: { packer: 'Ana' },
  demo_data: {},
  synced_from_store: { store_status: 'processing' },
  changed_in_store: {},
  store_marked: { store_status: 'completed' },
  store_data_cleaned: {},
  store_order_gone: {},
  store_message: { text: 'Order is locked.' },
  awb_made: { awb: 'ED000000001' },
  awb_tracking: { awb: 'ED000000001' },
  legacy_text: { text: 'least loaded: 3 open, next had 5' },
  packing_error_return: {},
  packing_error_complaint: {},
  rule_scan_mismatch: { code: 'TRC-001' },
  rule_late_packing: { hours: 24 },
  rule_awb_cancelled: { awb: 'ED000000001' },
};
/** The codes that carry a person's or a store's own words, shown as written. */
const VERBATIM = new Set<ReasonCode>(['note', 'store_message', 'legacy_text']);

test('every reason code the server can write has RO and EN text under reasons.<code>', () => {
  const missing: string[] = [];
  for (const code of REASON_CODES) {
    if (!(code in ro.reasons)) missing.push(`ro:${code}`);
    if (!(code in en.reasons)) missing.push(`en:${code}`);
  }
  assert.deepEqual(missing, []);
  assert.deepEqual(Object.keys(EXAMPLES).sort(), [...REASON_CODES].sort(), 'an example per code');
});

test('each code renders in Romanian and in English, parameters filled in', async () => {
  const [tRo, tEn] = [await translator('ro'), await translator('en')];
  for (const code of REASON_CODES) {
    const r: Reason = { code, params: EXAMPLES[code] };
    const [inRo, inEn] = [reasonText(r, tRo), reasonText(r, tEn)];
    for (const s of [inRo, inEn]) {
      assert.ok(s && s !== code, `${code} has a text`);
      assert.ok(!s.includes('{{'), `${code}: every parameter filled in (${s})`);
    }
    if (VERBATIM.has(code)) assert.equal(inRo, inEn, `${code} is shown as written`);
    else assert.notEqual(inRo, inEn, `${code} differs by language`);
  }
});

test('the distribution reasons read as sentences in the reader language', async () => {
  const t = await translator('ro');
  assert.equal(
    reasonText({ code: 'least_loaded', params: { open: 3, next: 5 } }, t),
    'cel mai puțin încărcat: 3 deschise, următorul avea 5',
  );
  assert.equal(
    reasonText(
      { code: 'weighted', params: { share: 30, weight: 3, total: 10, skills: 'fragile' } },
      t,
    ),
    'abilitate: fragile; cota 30% (pondere 3 din 10)',
  );
  const none: Reason = {
    code: 'no_eligible_packer',
    params: { off_shift: 2, lacks_skill: 1, skills: 'sku:gls-*', at_max: 1, inactive: 21 },
  };
  assert.equal(
    reasonText(none, t),
    'niciun împachetator eligibil: 21 de inactivi, 2 în afara turei, 1 fără abilitatea sku:gls-*, 1 la maximul de comenzi deschise',
  );
  assert.equal(
    reasonText({ code: 'round_robin', params: { after: 0 } }, t),
    'pe rând: primul la rând',
  );
  assert.equal(
    reasonText({ code: 'synced_from_store', params: { store_status: 'processing' } }, t),
    'sincronizată din magazin (în procesare)',
  );
  const tEn = await translator('en');
  assert.equal(
    reasonText(none, tEn).startsWith('no eligible packer: 21 inactive, 2 off shift'),
    true,
  );
  assert.equal(reasonText(null, t), '—');
  // A code from a newer server shows as itself rather than as nothing.
  assert.equal(reasonText({ code: 'brand_new' as ReasonCode, params: {} }, t), 'brand_new');
});

// Server-written distribution reasons shown in the user's language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18next from 'i18next';
import en from '../src/i18n/en.json' with { type: 'json' };
import ro from '../src/i18n/ro.json' with { type: 'json' };
import { translateReason } from '../src/features/distribution/reason.ts';

test('translates the distribution reasons it knows, keeps the others', async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'ro', resources: { ro: { translation: ro }, en: { translation: en } } });
  const t = i18n.t.bind(i18n);
  assert.equal(
    translateReason('least loaded: 3 open, next had 5', t),
    'cel mai puțin încărcat: 3 deschise, următorul avea 5',
  );
  assert.equal(
    translateReason('skill: category:fragile; weighted share 30% (weight 3 of 10)', t),
    'abilitate: category:fragile; pondere 30% (pondere 3 din 10)',
  );
  assert.equal(
    translateReason(
      'no eligible packer: 2 off shift, 1 lacks skill sku:gls-*, 1 at max open orders (5)',
      t,
    ),
    'niciun împachetator eligibil: 2 în afara turei, 1 fără abilitatea sku:gls-*, 1 la maximul de comenzi deschise (5)',
  );
  assert.equal(translateReason('Ion e în concediu', t), 'Ion e în concediu');
  await i18n.changeLanguage('en');
  assert.equal(
    translateReason('round-robin: next in turn after #12', t),
    'round-robin: next in turn after #12',
  );
});

// Every error the server can answer with has a sentence in both languages, and the dashboard
// shows that sentence, never the server's English, as the headline.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18next from 'i18next';
import en from '../src/i18n/en.json' with { type: 'json' };
import ro from '../src/i18n/ro.json' with { type: 'json' };
import { ERROR_CODES, STORE_CAUSE_CODES } from '../src/api/generated/error-codes.ts';
import { ApiError } from '../src/api/client.ts';
import { errorText } from '../src/shared/error-text.ts';

async function instance(lng: 'ro' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { ro: { translation: ro }, en: { translation: en } } });
  return i18n;
}

test('every error code and store cause has RO and EN text under errors.<code>', () => {
  const missing: string[] = [];
  for (const code of [...ERROR_CODES, ...STORE_CAUSE_CODES, 'network_error', 'http_error']) {
    if (!(code in ro.errors)) missing.push(`ro:${code}`);
    if (!(code in en.errors)) missing.push(`en:${code}`);
  }
  assert.deepEqual(missing, []);
});

test('a known code is shown in the reader language, the server text only as a detail', async () => {
  const i18n = await instance('ro');
  const e = new ApiError(401, 'invalid_credentials', 'Wrong e-mail or password.');
  const shown = errorText(e, i18n);
  assert.equal(shown.headline, ro.errors.invalid_credentials);
  assert.equal(shown.detail, 'Wrong e-mail or password.');
  await i18n.changeLanguage('en');
  assert.equal(errorText(e, i18n).headline, en.errors.invalid_credentials);
});

test('an unknown code falls back to a generic translated sentence', async () => {
  const i18n = await instance('ro');
  const shown = errorText(new ApiError(400, 'brand_new_code', 'Something new.'), i18n);
  assert.equal(shown.headline, ro.errors.unknown);
  assert.equal(errorText(new Error('boom'), i18n).headline, ro.errors.unknown);
});

test('a store that could not be verified says why, from the cause code', async () => {
  const i18n = await instance('ro');
  const e = new ApiError(422, 'store_unreachable', 'GET https://x: getaddrinfo ENOTFOUND x', {
    cause_code: 'unreachable',
  });
  const shown = errorText(e, i18n);
  assert.equal(shown.headline, ro.errors.store_unreachable);
  assert.equal(shown.cause, ro.errors.unreachable);
});

test('a courier refusal shows the courier words: ours for a known code, verbatim otherwise', async () => {
  const i18n = await instance('ro');
  const e = new ApiError(409, 'courier_refused', 'The courier refused to cancel this AWB.', {
    courier_messages: [
      {
        code: 'gls_1021',
        text: 'The parcel cannot be deleted: it has already been scanned by GLS.',
      },
      { code: 'courier_unreachable', text: '' },
    ],
  });
  const shown = errorText(e, i18n);
  assert.equal(shown.headline, ro.errors.courier_refused);
  assert.equal(
    shown.cause,
    `The parcel cannot be deleted: it has already been scanned by GLS. (gls_1021) · ${ro.shipping.messages.courier_unreachable}`,
  );
});

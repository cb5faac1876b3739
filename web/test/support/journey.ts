// What the long browser journey needs besides the harness: a person's way through the menu
// (the burger on a phone), a checkpoint at every step (layout check + numbered screenshot),
// and the shop's orders the fake store serves.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { UnifiedOrder } from '../../../server/src/modules/connectors/unified-order.ts';
import { makeOrder } from '../../../server/test/support/store-orders.ts';
import { WEB } from './harness.ts';
import en from '../../src/i18n/en.json' with { type: 'json' };
import ro from '../../src/i18n/ro.json' with { type: 'json' };
import { assertNothingClipped } from './layout.ts';

function leaves(o: unknown, out: string[] = []): string[] {
  if (typeof o === 'string') out.push(o);
  else if (o && typeof o === 'object') for (const v of Object.values(o)) leaves(v, out);
  return out;
}

/**
 * Sentences of the other language's catalog (three words or more, not also in this one): one
 * on the page means a text left untranslated. Interpolations split a sentence; its longest
 * literal part is looked for.
 */
function foreignSentences(lang: 'ro' | 'en'): string[] {
  const own = new Set(leaves(lang === 'ro' ? ro : en));
  return leaves(lang === 'ro' ? en : ro)
    .filter((s) => !own.has(s))
    .map((s) => s.split(/\{\{[^}]*\}\}|<[^>]*>/).sort((a, b) => b.length - a.length)[0] ?? '')
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 3 && !own.has(s));
}

export const ARTIFACTS = path.join(WEB, 'test-artifacts', 'journey');

/** Numbered checkpoints of one run: each checks the layout and saves `NN-step.png`. */
export function checkpoints(
  run: string,
  lang: 'ro' | 'en',
): {
  dir: string;
  check(page: Page, step: string): Promise<void>;
  /** Pictures of every page seen so far, as they are now (called when the run fails). */
  failed(): Promise<void>;
} {
  const dir = path.join(ARTIFACTS, run);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  const seen = new Set<Page>();
  const foreign = foreignSentences(lang);
  return {
    dir,
    async failed() {
      let i = 0;
      for (const page of seen) {
        i += 1;
        if (!page.isClosed())
          await page
            .screenshot({ path: path.join(dir, `failed-${i}.png`), fullPage: true })
            .catch(() => undefined);
      }
    },
    async check(page, step) {
      seen.add(page);
      n += 1;
      const file = path.join(dir, `${String(n).padStart(2, '0')}-${step}.png`);
      // Transitions finished (a notification sliding out, a dialog opening): the check judges
      // the page as it rests, not a frame of an animation. Spinners (endless) do not count.
      await page.waitForFunction(
        () =>
          document
            .getAnimations()
            .every(
              (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity,
            ),
        undefined,
        { timeout: 10_000 },
      );
      // The screenshot first: when the layout check fails, the picture shows why.
      await page.screenshot({ path: file, fullPage: true });
      await assertNothingClipped(page, `${run} ${step}`);
      const text = await page.evaluate(() => document.body.innerText);
      assert.deepEqual(
        foreign.filter((f) => text.includes(f)),
        [],
        `${run} ${step}: a sentence in the other language`,
      );
    },
  };
}

/** Opens a page of the dashboard through its menu, as a person does (burger on a phone). */
export async function openFromMenu(page: Page, to: string): Promise<void> {
  // On a phone the menu slides in from the left (it is "visible" but off screen until then).
  // A phone is told by the window's width (the burger shows below Mantine's `sm`, 48em), not
  // by the burger being visible: just after a login the page may still be loading, and the
  // burger not drawn yet.
  const width = page.viewportSize()?.width ?? Number.POSITIVE_INFINITY;
  if (width < 768) await page.locator('.mantine-Burger-root').click();
  await page.getByTestId(`nav-${to}`).click();
  await page.waitForURL(new RegExp(`/${to}$`));
}

/** A shop order as the store serves it, with chosen items (the SKUs the packer scans). */
export function shopOrder(
  id: number,
  items: { sku: string; name: string; quantity: number }[],
): UnifiedOrder {
  // Stamped now, as the shop stamps a new order.
  const o = makeOrder(id, Date.now());
  o.number = String(1000 + id);
  o.items = items.map((it, k) => ({
    id: id * 10 + k,
    product_id: 100 + k,
    variation_id: 0,
    sku: it.sku,
    name: it.name,
    quantity: it.quantity,
    unit_price: '10.00',
    total: (10 * it.quantity).toFixed(2),
    weight_kg: '0.2',
    meta: [],
  }));
  const subtotal = o.items.reduce((sum, it) => sum + Number(it.total), 0);
  o.subtotal = subtotal.toFixed(2);
  o.total = (subtotal + Number(o.shipping_total)).toFixed(2);
  return o;
}

/** Weekday key and "HH:MM" now in Bucharest (the account's time zone). */
export function bucharestNow(): { day: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Bucharest',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date());
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: get('weekday').toLowerCase(), time: `${get('hour')}:${get('minute')}` };
}

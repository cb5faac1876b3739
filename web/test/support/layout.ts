// Layout checks and step screenshots shared by the browser journeys.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { RESULTS } from './harness.ts';

export const SIZES = {
  desktop: { width: 1440, height: 900 },
  tablet: { width: 1024, height: 768 },
  phone: { width: 390, height: 844 },
} as const;
export type SizeName = keyof typeof SIZES;

/**
 * Fails when a visible badge or button has its text cut (its content is wider than its box,
 * the "CONFIR…" of issue 9) or sticks out of the viewport, or when the page itself scrolls
 * sideways.
 */
export async function assertNothingClipped(page: Page, where: string): Promise<void> {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    const vw = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > vw + 1)
      out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${vw}`);
    const els = document.querySelectorAll<HTMLElement>(
      [
        'button',
        'a[role="button"]',
        '.mantine-Badge-root',
        '.mantine-Badge-label',
        '.mantine-Button-label',
        // The choices of a segmented control and of tabs are controls too ("API-ul REST…").
        '.mantine-SegmentedControl-label',
        '.mantine-Tabs-tabLabel',
      ].join(', '),
    );
    // What is moving right now (a notification sliding in or out) is judged once it rests.
    const moving = document
      .getAnimations()
      .filter((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity)
      .map((a) => (a.effect as KeyframeEffect | null)?.target)
      .filter((t): t is Element => t instanceof Element);
    for (const el of els) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
      if (moving.some((m) => m.contains(el))) continue;
      // Inside a container that scrolls on purpose (a table's scroll area): judged by it.
      const scroller = el.closest('.mantine-ScrollArea-viewport, [data-scroll-x]');
      const label = (el.textContent ?? el.getAttribute('aria-label') ?? el.tagName).trim();
      if (el.scrollWidth > el.clientWidth + 1 && style.overflow !== 'visible')
        out.push(`clipped text "${label}" (${el.scrollWidth} > ${el.clientWidth})`);
      if (!scroller && (r.right > vw + 1 || r.left < -1))
        out.push(
          `"${label}" outside the viewport (${Math.round(r.left)}..${Math.round(r.right)} of ${vw})`,
        );
    }
    // An empty field's hint cut short ("Scan or type the code and pres"): measured with the
    // field's own font, against the room inside its padding.
    const ctx = document.createElement('canvas').getContext('2d');
    for (const input of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
      const r = input.getBoundingClientRect();
      if (!ctx || input.value || r.width === 0 || getComputedStyle(input).visibility === 'hidden')
        continue;
      const style = getComputedStyle(input);
      ctx.font = style.font;
      const room =
        input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const needs = ctx.measureText(input.placeholder).width;
      if (needs > room + 1)
        out.push(`clipped placeholder "${input.placeholder}" (${Math.ceil(needs)} > ${room})`);
    }
    return out;
  });
  assert.deepEqual(problems, [], `layout at ${where}`);
}

/** Saves a screenshot of the step under web/test-results/journeys/ (a CI artifact). */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = path.join(RESULTS, 'journeys');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

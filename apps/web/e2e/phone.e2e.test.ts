import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type RunningApp } from '@genhub/server/testing';
import { launchBrowser } from './browser';
import { createTask, horizontalOverflow, inViewport, phonePage } from './studio-helpers';

const outDir = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));

describe('the studio on a touch phone (390×844)', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    app = await spawnServer({ LOCAL_PROVIDER_DELAY_MS: '600' });
    // Enough earlier results that the gallery scrolls well past a screen.
    for (let i = 0; i < 14; i++) {
      await createTask(app, { prompt: `earlier picture ${i + 1}`, aspectRatio: '4:3' });
    }
    browser = await launchBrowser();
    ({ context, page } = await phonePage(browser, app));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  it('has a header that fits and reaches the gallery in one tap', async () => {
    const header = await page.locator('header').boundingBox();
    expect(header?.width ?? Infinity).toBeLessThanOrEqual(390 - 32);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    // The form and its Generate button are on the first screen...
    const generate = page.getByTestId('generate-form').getByRole('button', { name: /Generate/ });
    expect(await inViewport(page, generate)).toBe(true);
    await page.screenshot({ path: `${outDir}phone-create.png` });
    // ...and the gallery is one tap away, its heading then on the first screen.
    const galleryTab = page.getByRole('tab', { name: 'Gallery' });
    expect(await inViewport(page, galleryTab)).toBe(true);
    await galleryTab.tap();
    expect(await galleryTab.getAttribute('aria-selected')).toBe('true');
    const heading = page.getByRole('heading', { name: 'Gallery', level: 2 });
    await heading.waitFor();
    expect(await inViewport(page, heading)).toBe(true);
    await page.getByTestId('task-tile').first().locator('img').waitFor({ timeout: 20_000 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${outDir}phone-gallery.png` });
    // The queue is a tab too.
    await page.getByRole('tab', { name: /Queue/ }).tap();
    await page.getByTestId('queue-panel').waitFor();
    expect(await page.getByTestId('generate-form').isVisible()).toBe(false);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });

  it('shows the new tile after tapping Generate, even from a gallery scrolled far down', async () => {
    for (const [round, prompt] of ['a kite over the dunes', 'a red tram at dusk'].entries()) {
      if (round === 1) {
        // Scrolled down the gallery first: the grid keeps what is in view when items arrive above.
        await page.getByRole('tab', { name: 'Gallery' }).tap();
        await page.getByTestId('task-tile').last().scrollIntoViewIfNeeded();
        await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(800);
      }
      await page.getByRole('tab', { name: 'Create' }).tap();
      const form = page.getByTestId('generate-form');
      await form.getByLabel('Prompt').tap();
      await form.getByLabel('Prompt').fill(prompt);
      await form.getByRole('button', { name: /Generate/ }).tap();

      const tile = page.getByTestId('task-tile').first();
      await expect.poll(() => tile.textContent(), { timeout: 10_000 }).toContain(prompt);
      expect(await page.getByRole('tab', { name: 'Gallery' }).getAttribute('aria-selected')).toBe(
        'true',
      );
      await expect.poll(() => inViewport(page, tile), { timeout: 5_000 }).toBe(true);
      await tile.locator('img').waitFor({ timeout: 20_000 });
      expect(await inViewport(page, tile)).toBe(true);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    }
    await page.screenshot({ path: `${outDir}phone-new-tile.png` });
  });
});

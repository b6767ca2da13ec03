import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type RunningApp } from '@genhub/server/testing';
import { launchBrowser, signedInPage } from './browser';
import { createTask, horizontalOverflow, phonePage, seriousViolations } from './studio-helpers';

const outDir = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));

/** A few local pictures in different shapes, one task with two images. */
const seeds = [
  { prompt: 'a lighthouse on a cliff at dawn', aspectRatio: '16:9' },
  { prompt: 'a tall glass of iced tea', aspectRatio: '9:16' },
  { prompt: 'three pears on a linen cloth', aspectRatio: '1:1', count: 2 },
  { prompt: 'a fox asleep on a windowsill', aspectRatio: '4:3' },
  { prompt: 'a panorama of rice terraces', aspectRatio: '21:9' },
  { prompt: 'a banana-yellow tram in the rain', aspectRatio: '3:4' },
];

/** Waits until every tile on screen is finished and its picture decoded. */
async function settled(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const tiles = [...document.querySelectorAll('[data-testid="task-tile"]')];
          const images = [
            ...document.querySelectorAll<HTMLImageElement>('[data-testid="task-tile"] img'),
          ];
          return (
            tiles.length > 0 &&
            tiles.every((t) => t.getAttribute('data-status') === 'completed') &&
            images.every((img) => img.complete && img.naturalWidth > 0)
          );
        }),
      { timeout: 30_000 },
    )
    .toBe(true);
}

async function shoot(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path: `${outDir}${name}.png`, fullPage: true });
  expect(await seriousViolations(page), name).toEqual([]);
  expect(await horizontalOverflow(page), name).toBeLessThanOrEqual(0);
}

describe('studio screenshots (light, dark, zh-CN, phone), each checked by axe', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    app = await spawnServer({ LOCAL_PROVIDER_DELAY_MS: '100' });
    for (const seed of seeds) await createTask(app, seed);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('on a laptop, in light, dark and Chinese', async () => {
    const page = await signedInPage(browser, app.url, { viewport: { width: 1440, height: 900 } });
    await expect.poll(() => page.getByTestId('task-tile').count()).toBe(seeds.length);
    await page
      .getByTestId('generate-form')
      .getByLabel('Prompt')
      .fill('a paper boat on a puddle, morning light');
    await shoot(page, 'studio-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shoot(page, 'studio-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('heading', { name: '图库' }).waitFor();
    await shoot(page, 'studio-zh');
    await page.getByLabel('语言').selectOption('en');
    await page.close();
  });

  it('on a touch phone, the form and the gallery', async () => {
    const { context, page } = await phonePage(browser, app);
    await page.getByTestId('generate-form').getByLabel('Prompt').fill('a paper boat on a puddle');
    await page.screenshot({ path: `${outDir}studio-phone.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Gallery' }).tap();
    await shoot(page, 'studio-phone-gallery');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shoot(page, 'studio-phone-dark');
    await context.close();
  });
});

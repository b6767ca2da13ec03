import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eAdmin, launchBrowser, signInContext } from './browser';
import { spawnServer, type RunningApp } from '@genhub/server/testing';

const outDir = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));

describe('generate in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    app = await spawnServer({ LOCAL_PROVIDER_DELAY_MS: '1500' });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
    await signInContext(page, app.url, e2eAdmin);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows a placeholder that becomes an image without a reload', async () => {
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(app.url);
    await page.locator('[role="status"][data-state="connected"]').waitFor();
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
    });

    await page
      .getByTestId('generate-form')
      .getByLabel('Prompt')
      .fill('a lighthouse made of bananas');
    await page.getByTestId('generate-form').getByLabel('Aspect ratio').selectOption('16:9');
    await page.getByRole('button', { name: /Generate/ }).click();

    const tile = page.getByTestId('task-tile').first();
    await expect.poll(() => tile.getAttribute('data-status')).toMatch(/pending|processing/);
    await page.screenshot({ path: `${outDir}placeholder.png` });

    await tile.locator('img').waitFor({ timeout: 20_000 });
    expect(await tile.getAttribute('data-status')).toBe('completed');
    const size = await tile.locator('img').evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    });
    expect(size).toEqual([384, 219]);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await page.screenshot({ path: `${outDir}gallery.png` });
    expect(pageErrors).toEqual([]);
  });

  it('opens the image in a lightbox with its prompt and a download link', async () => {
    await page.getByRole('button', { name: /Open image 1/ }).click();
    const full = page.getByTestId('lightbox-image');
    await full.waitFor();
    expect(
      await full.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)),
    ).toBe(1344);
    const download = page.getByRole('link', { name: 'Download' });
    expect(await download.getAttribute('download')).toMatch(/\.png$/);
    await page.screenshot({ path: `${outDir}lightbox.png` });
    await page.keyboard.press('Escape');
    await full.waitFor({ state: 'detached' });
  });

  it('shows the connection dropping and catches up on what it missed, without a reload', async () => {
    await page.locator('[role="status"][data-state="connected"]').waitFor();
    const restarted = app.restart('SIGTERM', 1500);
    await page.locator('[role="status"][data-state="reconnecting"]').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${outDir}reconnecting.png` });
    await restarted;
    // Another service creates a task before the browser is back.
    const res = await fetch(`${app.url}/trpc/task.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.key ?? ''}` },
      body: JSON.stringify({ prompt: 'made while the browser was away' }),
    });
    expect(res.status).toBe(200);
    await page.locator('[role="status"][data-state="connected"]').waitFor({ timeout: 15_000 });
    const tile = page
      .getByTestId('task-tile')
      .filter({ hasText: 'made while the browser was away' });
    await tile.locator('img').waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  });

  it('switches to Simplified Chinese and fits a phone-width screen', async () => {
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('button', { name: /生成/ }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    // The gallery lays its rows out again once it has seen the new width.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
      .toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${outDir}phone-zh.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.screenshot({ path: `${outDir}dark-zh.png` });
  });
});

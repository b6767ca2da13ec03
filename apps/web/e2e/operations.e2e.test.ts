import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signedInPage } from './browser';
import { spawnServer, type RunningApp } from '@genhub/server/testing';

const outDir = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));

/** A product shot: a blue disc on a light backdrop. */
const productShot = () =>
  sharp(
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400">
<rect width="100%" height="100%" fill="rgb(238,238,232)"/><circle cx="300" cy="200" r="130" fill="rgb(30,80,200)"/></svg>`),
  )
    .png()
    .toBuffer();

describe('image operations in the browser (local provider)', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    app = await spawnServer({ LOCAL_PROVIDER_DELAY_MS: '200' });
    browser = await launchBrowser();
    page = await signedInPage(browser, app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /**
   * Presses the submit button, which names the operation's action, and returns the new task's
   * full-size image, as the server serves it.
   */
  async function generateAndFetch(action: string): Promise<Buffer> {
    const tiles = page.getByTestId('task-tile');
    const before = await tiles.count();
    await page.getByRole('button', { name: new RegExp(`^${action}`) }).click();
    await expect.poll(() => tiles.count()).toBe(before + 1);
    const tile = tiles.first();
    await tile.locator('img').first().waitFor({ timeout: 20_000 });
    expect(await tile.getAttribute('data-status')).toBe('completed');
    await tile.getByRole('button', { name: /Open image 1/ }).click();
    const src = await page.getByTestId('lightbox-image').getAttribute('src');
    await page.keyboard.press('Escape');
    const res = await fetch(new URL(src ?? '', app.url), {
      headers: { authorization: `Bearer ${app.key ?? ''}` },
    });
    return Buffer.from(await res.arrayBuffer());
  }

  it('removes a background: the corners of the result are transparent', async () => {
    await page.getByRole('radio', { name: 'Remove background' }).click();
    // No prompt, ratio or count for an operation shaped by its input.
    expect(await page.getByTestId('generate-form').getByLabel('Prompt').count()).toBe(0);
    expect(await page.getByTestId('generate-form').getByLabel('Aspect ratio').count()).toBe(0);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'shot.png',
      mimeType: 'image/png',
      buffer: await productShot(),
    });
    await page.getByRole('button', { name: /Remove reference 1/ }).waitFor();
    // JPEG has no alpha channel, so it is not offered for a cut-out.
    const formats = await page
      .getByTestId('generate-form')
      .getByLabel('Format')
      .locator('option')
      .allTextContents();
    expect(formats).toEqual(['PNG', 'WEBP']);
    const image = await generateAndFetch('Remove background');
    const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([600, 400, 4]);
    expect(data[3]).toBe(0);
    expect(data[(200 * 600 + 300) * 4 + 3]).toBe(255);
    const tile = page.getByTestId('task-tile').first();
    await expect.poll(() => tile.textContent()).toMatch(/Local algorithm.*Remove background/);
    await page.screenshot({ path: `${outDir}remove-background.png` });
  });

  it('enhances ×4 with the reference carried over from the last operation', async () => {
    await page.getByRole('radio', { name: 'Enhance' }).click();
    await page.getByTestId('generate-form').getByLabel('Factor').selectOption('4');
    const meta = await sharp(await generateAndFetch('Enhance')).metadata();
    expect([meta.width, meta.height]).toEqual([2400, 1600]);
  });

  it('batch-edits several images as a plan, one variation card entry per image', async () => {
    await page.getByRole('radio', { name: 'Batch edit' }).click();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'second.png',
      mimeType: 'image/png',
      buffer: await productShot(),
    });
    await page.getByRole('button', { name: /Remove reference 2/ }).waitFor();
    await page.getByTestId('generate-form').getByLabel('Prompt').fill('make it look like winter');
    await page.getByRole('button', { name: /^Run batch edit/ }).click();
    const card = page.locator('[data-testid="plan-card"][data-kind="batch-edit"]');
    await expect
      .poll(() => card.getAttribute('data-status'), { timeout: 20_000 })
      .toBe('completed');
    // The thumbnails come with the plan's detail, fetched again after each progress update.
    await expect.poll(() => card.locator('img').count()).toBe(2);
    await page.screenshot({ path: `${outDir}batch-edit.png` });
  });

  it('shows the operations in Chinese', async () => {
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('radio', { name: '风格迁移' }).click();
    await page.getByText('先放内容图，再放风格图').waitFor();
    await page.getByRole('button', { name: /^迁移风格/ }).waitFor();
    await page.screenshot({ path: `${outDir}operations-zh.png` });
    await page.getByLabel('语言').selectOption('en');
  });
});

import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { spawnServer, type RunningApp } from '@genhub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signedInPage } from './browser';
import { zipEntries } from './zip-entries';

const outDir = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));

describe('plans anyone can use: references from the gallery, results named after variations', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const headers = () => ({ authorization: `Bearer ${app.key ?? ''}` });

  async function call(path: string, body: unknown): Promise<unknown> {
    const res = await fetch(`${app.url}/trpc/${path}`, {
      method: 'POST',
      headers: { ...headers(), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return res.json();
  }

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    app = await spawnServer({ LOCAL_PROVIDER_DELAY_MS: '100' });
    browser = await launchBrowser();
    page = await signedInPage(browser, app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('offers the latest images as thumbnails, even when first opened on an empty gallery', async () => {
    // Opened before there is any image, the builder has nothing to offer…
    await page.getByRole('button', { name: 'New plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make variations' });
    await dialog.getByText('No reference image yet').waitFor();
    expect(await dialog.getByRole('group', { name: 'Your latest images' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    // …and once an image is made, the next opening shows it (this once stayed empty).
    await call('task.create', { prompt: 'a lighthouse on a cliff' });
    await page.getByRole('article', { name: 'a lighthouse on a cliff' }).locator('img').waitFor();
    await page.getByRole('button', { name: 'New plan' }).click();
    const thumbs = dialog.getByRole('group', { name: 'Your latest images' });
    await thumbs.getByRole('button', { name: 'Use image 1 as the reference' }).click();
    await dialog.getByRole('img', { name: 'Chosen reference image' }).waitFor();
    expect(
      await thumbs
        .getByRole('button', { name: 'Use image 1 as the reference' })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await dialog.getByLabel('Description').fill('A night version');
    await dialog.getByLabel(/Keep the same/).fill('the lighthouse');
    await dialog.getByLabel(/^Change/).fill('time: night');
    await expect
      .poll(() => dialog.getByTestId('plan-estimate').textContent())
      .toContain('1 variation on local-preview');
    await page.screenshot({ path: `${outDir}plan-builder-thumbnails.png` });
    await dialog.getByRole('button', { name: 'Run 1 variation' }).click();
    await dialog.waitFor({ state: 'detached' });
    const card = page.getByTestId('plan-card').first();
    await expect
      .poll(() => card.getAttribute('data-status'), { timeout: 20_000 })
      .toBe('completed');
    await card.getByRole('img', { name: 'A night version' }).waitFor();
  });

  it('captions the result with the variation’s description in the gallery and the lightbox', async () => {
    const tile = page.getByRole('article', { name: 'A night version' });
    await tile.locator('img').first().waitFor();
    // The generated prompt is not the name.
    expect(await page.getByRole('article', { name: /Create a variation/ }).count()).toBe(0);
    await tile.getByRole('button', { name: /Open image 1/ }).click();
    const lightbox = page.getByRole('dialog', { name: 'A night version' });
    await lightbox.getByTestId('lightbox-image').waitFor();
    expect(await lightbox.getByTestId('lightbox-image').getAttribute('alt')).toBe(
      'A night version',
    );
    await page.keyboard.press('Escape');
    await lightbox.waitFor({ state: 'detached' });
  });

  it('names the ZIP entries after the variation’s description', async () => {
    const tile = page.getByRole('article', { name: 'A night version' });
    await tile.hover();
    await tile.getByRole('checkbox').click();
    await page.getByText('1 selected').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download ZIP' }).click(),
    ]);
    const names = await zipEntries(await download.path());
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^A-night-version-\w{8}-1\.png$/);
    await page.getByRole('button', { name: 'Clear selection' }).click();
  });

  it('shows a batch edit as a batch of edits, and the lightbox names the operation', async () => {
    const png = await sharp({
      create: { width: 640, height: 480, channels: 3, background: '#58a' },
    })
      .png()
      .toBuffer();
    const ids: string[] = [];
    for (const name of ['beach.png', 'street.png']) {
      const form = new FormData();
      form.append('file', new Blob([png], { type: 'image/png' }), name);
      const res = await fetch(`${app.url}/api/assets`, {
        method: 'POST',
        body: form,
        headers: headers(),
      });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    await call('plan.batchEdit', { prompt: 'make it snowy', assetIds: ids, provider: 'local' });
    const card = page.locator('[data-testid="plan-card"][data-kind="batch-edit"]');
    await expect
      .poll(() => card.getAttribute('data-status'), { timeout: 20_000 })
      .toBe('completed');
    expect(await card.getAttribute('aria-label')).toBe('Batch edit · 2 images · make it snowy');
    expect(await card.textContent()).not.toContain('batch-edit-');
    await page.screenshot({ path: `${outDir}plan-batch-edit.png` });
    const tile = page.getByRole('article', { name: 'Batch edit: make it snowy' }).first();
    await tile.getByRole('button', { name: /Open image 1/ }).click();
    const lightbox = page.getByRole('dialog', { name: 'Batch edit: make it snowy' });
    const operation = lightbox.locator('dt', { hasText: /^Operation$/ }).locator('+ dd');
    expect(await operation.textContent()).toBe('Batch edit');
    await page.screenshot({ path: `${outDir}plan-batch-edit-lightbox.png` });
    await page.keyboard.press('Escape');
  });

  it('reads the builder in dark mode and in Chinese', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('button', { name: 'New plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make variations' });
    await dialog.getByRole('group', { name: 'Your latest images' }).waitFor();
    await page.screenshot({ path: `${outDir}plan-builder-thumbnails-dark.png` });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('button', { name: '新建计划' }).click();
    await page.getByRole('dialog').getByRole('group').first().waitFor();
    await page.screenshot({ path: `${outDir}plan-builder-thumbnails-zh.png` });
    await page.keyboard.press('Escape');
    await page.getByLabel('语言').selectOption('en');
  });
});

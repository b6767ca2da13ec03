import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { seedExpressionPlan } from '@genhub/core/testing';
import { startFakeNanobanana } from '@genhub/server/fakes';
import { spawnServer, type RunningApp } from '@genhub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signedInPage } from './browser';

const outDir = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));

/** Seed 004's batch example, exactly as the seed writes it. */
const seedPlan = seedExpressionPlan();

describe('variation plans and cost in the browser', () => {
  let fake: Awaited<ReturnType<typeof startFakeNanobanana>>;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    fake = await startFakeNanobanana();
    app = await spawnServer({
      NANOBANANA_API_KEY: fake.state.apiKey,
      NANOBANANA_BASE_URL: fake.url,
      INGEST_ALLOW_HOSTS: new URL(fake.url).host,
      LOCAL_PROVIDER_DELAY_MS: '200',
    });
    const base = await sharp({
      create: { width: 768, height: 768, channels: 3, background: '#d94' },
    })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('file', new Blob([base], { type: 'image/png' }), 'base.png');
    const headers = { authorization: `Bearer ${app.key ?? ''}` };
    expect(
      (await fetch(`${app.url}/api/assets`, { method: 'POST', body: form, headers })).status,
    ).toBe(201);
    browser = await launchBrowser();
    page = await signedInPage(browser, app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fake?.close();
  });

  it('pastes the seed plan, sees its cost, confirms over budget, and watches it land', async () => {
    await page.getByRole('button', { name: 'New plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make variations' });
    await dialog.getByRole('button', { name: 'Import JSON' }).click();
    await dialog.getByLabel('Paste a plan (seed 004 JSON)').fill(JSON.stringify(seedPlan, null, 2));
    await dialog.getByRole('button', { name: 'Use this plan' }).click();
    await dialog.getByLabel('Provider').selectOption('nanobanana');
    const estimate = dialog.getByTestId('plan-estimate');
    // Seed 003's price of an edit is 5 credits.
    await expect
      .poll(() => estimate.textContent())
      .toContain('2 variations on nano-banana: 10 credits');
    await dialog.getByLabel(/Budget/).fill('6');
    const confirm = dialog.getByLabel('The estimate is over the budget: run it anyway');
    await confirm.waitFor();
    const run = dialog.getByRole('button', { name: 'Run 2 variations' });
    expect(await run.isDisabled()).toBe(true);
    await confirm.check();
    await page.screenshot({ path: `${outDir}plan-builder.png` });
    await run.click();
    await dialog.waitFor({ state: 'detached' });

    const card = page
      .getByTestId('plan-card')
      .filter({ hasText: 'nano-expression-batch-20251019' });
    // Both variations start together (max_concurrent_requests 2), so both finish: a budget
    // only stops variations that have not started yet.
    await expect
      .poll(() => card.getAttribute('data-status'), { timeout: 20_000 })
      .toBe('completed');
    await expect.poll(() => card.locator('img').count()).toBe(2);
    await expect
      .poll(() => card.getByTestId('plan-cost').textContent())
      .toBe('Spent 10 credits of ≈ 10 credits');
    await page.screenshot({ path: `${outDir}plan-progress.png` });
    // The variations' tiles carry their cost and plan item.
    const tile = page.getByTestId('task-tile').filter({ hasText: 'plan: expr-smile' });
    expect(await tile.getByTestId('task-cost').textContent()).toBe('5 credits');
  });

  it('shows what was spent on the usage page, with a chart', async () => {
    await page.getByRole('link', { name: 'Usage' }).click();
    await expect
      .poll(() => page.getByTestId('usage-this-month').textContent())
      .toMatch(/\d+ credits/);
    await page.locator('canvas').waitFor();
    await page.screenshot({ path: `${outDir}usage.png` });
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('heading', { name: '用量与费用' }).waitFor();
    await page.screenshot({ path: `${outDir}usage-zh.png` });
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('link', { name: 'Studio' }).click();
  });

  it('builds a plan from scratch: plain-word problems, settings folded', async () => {
    await page.getByRole('button', { name: 'New plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make variations' });
    const run = dialog.getByRole('button', { name: 'Run 1 variation' });
    await run.waitFor();
    // Nothing is flagged before the user touches a field or tries to run.
    expect(await dialog.getByText('Describe the variation').count()).toBe(0);
    expect(await dialog.getByLabel(/At once/).isVisible()).toBe(false);
    await run.click();
    await dialog.getByText('Describe the variation').waitFor();
    await dialog.getByText('Choose a reference image').waitFor();
    expect(await dialog.getByText(/variation_instruction|batches\./).count()).toBe(0);
    await page.screenshot({ path: `${outDir}plan-builder-problems.png` });

    await dialog.getByLabel('Description').fill('a night version');
    await expect.poll(() => dialog.getByText('Describe the variation').count()).toBe(0);
    await dialog.getByText('Advanced settings').click();
    const batchSize = dialog.getByLabel(/Batch size/);
    await batchSize.fill('0');
    await dialog.getByText('Use a whole number from 1 to 10').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('opens the builder from an image with that image as the reference', async () => {
    await page
      .getByRole('button', { name: /Open image 1/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Make variations' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make variations' });
    await dialog.getByRole('img', { name: 'Chosen reference image' }).waitFor();
    await dialog.getByLabel('Description').fill('a winter version');
    await dialog.getByLabel(/Keep the same/).fill('the subject');
    await dialog.getByLabel(/^Change/).fill('season: winter');
    await dialog.getByLabel('Provider').selectOption('local');
    await expect
      .poll(() => dialog.getByTestId('plan-estimate').textContent())
      .toContain('1 variation on local-preview: Free');
    await dialog.getByRole('button', { name: 'Run 1 variation' }).click();
    const card = page.getByTestId('plan-card').first();
    await expect
      .poll(() => card.getAttribute('data-status'), { timeout: 20_000 })
      .toBe('completed');
  });
});

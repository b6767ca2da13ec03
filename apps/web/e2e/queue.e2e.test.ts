import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { spawnServer, type RunningApp } from '@genhub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signedInPage } from './browser';

const outDir = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));

describe('the queue in the browser, with a local engine that always fails', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    app = await spawnServer({ LOCAL_PROVIDER_DELAY_MS: '200', LOCAL_PROVIDER_FAILURE_RATE: '1' });
    browser = await launchBrowser();
    page = await signedInPage(browser, app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows a retry countdown with the attempt number, then the final error', async () => {
    await page.getByTestId('generate-form').getByLabel('Prompt').fill('an outage');
    await page.getByRole('button', { name: /Generate/ }).click();
    const tile = page.getByTestId('task-tile').first();
    // The jittered wait may be too short to see for one of the retries, so either will do.
    await tile.getByText(/Retrying .*\(attempt [23]\/3\)/).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${outDir}retrying.png` });
    await expect.poll(() => tile.getAttribute('data-status'), { timeout: 30_000 }).toBe('failed');
    await tile
      .getByRole('alert')
      .getByText(/Simulated outage/)
      .waitFor();
    await expect.poll(() => page.getByTestId('queue-count-failed').textContent()).toBe('1');
  });

  it('pauses the queue, holds new work, and retries every failed task from the panel', async () => {
    await page.getByRole('button', { name: 'Pause queue' }).click();
    await page.getByRole('button', { name: 'Resume queue' }).waitFor();
    await page.getByTestId('generate-form').getByLabel('Prompt').fill('held while paused');
    await page.getByRole('button', { name: /Generate/ }).click();
    const held = page.getByTestId('task-tile').filter({ hasText: 'held while paused' });
    await held.getByText('Queued').waitFor();
    await expect.poll(() => page.getByTestId('queue-count-pending').textContent()).toBe('1');
    await page.screenshot({ path: `${outDir}queue-paused.png` });

    await page.getByRole('button', { name: 'Retry all failed' }).click();
    await page.getByText('1 task(s) sent again').waitFor();
    await expect.poll(() => page.getByTestId('queue-count-pending').textContent()).toBe('2');
    // The retry takes the failed tile's place, marked as a retry.
    const retried = page.getByTestId('task-tile').filter({ hasText: 'an outage' });
    await retried.getByTestId('retry-mark').waitFor();
    await expect.poll(() => retried.count()).toBe(1);

    await page.getByRole('button', { name: 'Resume queue' }).click();
    await page.getByRole('button', { name: 'Pause queue' }).waitFor();
    await expect
      .poll(() => held.getAttribute('data-status'), { timeout: 15_000 })
      .not.toBe('pending');
  });
});

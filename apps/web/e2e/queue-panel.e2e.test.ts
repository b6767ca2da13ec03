import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '@genhub/api';
import { spawnServer, type RunningApp } from '@genhub/server/testing';
import { seriousViolations } from './axe';
import { launchBrowser, signedInPage, type E2eAccount } from './browser';

const outDir = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));

const photo = () =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: '#3a7bd5' } })
    .png()
    .toBuffer();

describe('the queue panel and retries in the browser (local provider, one at a time)', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    app = await spawnServer({ LOCAL_PROVIDER_DELAY_MS: '2500', PROVIDER_CONCURRENCY: '1' });
    browser = await launchBrowser();
    page = await signedInPage(browser, app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const panel = () => page.getByTestId('queue-panel');
  const local = () => panel().locator('[data-testid="queue-provider"][data-provider="local"]');
  const waitingLabels = () =>
    local().getByTestId('queue-waiting-task').getByTestId('queue-task-label').allTextContents();
  const tilesOf = (prompt: string) => page.getByTestId('task-tile').filter({ hasText: prompt });

  async function generate(prompt: string) {
    await page.getByTestId('generate-form').getByLabel('Prompt').fill(prompt);
    await page.getByRole('button', { name: /^Generate/ }).click();
    await tilesOf(prompt).first().waitFor();
  }

  it('lists waiting tasks in order, runs one next, cancels one, and shows a paused provider', async () => {
    // One task runs; pausing the local engine then holds everything after it.
    await generate('queue zero');
    await panel().getByTestId('queue-running-task').getByText('queue zero').waitFor();
    await page.getByRole('button', { name: 'Pause Local preview engine' }).click();
    await local().getByTestId('queue-provider-paused').waitFor();
    expect(await local().getAttribute('data-paused')).toBe('true');
    for (const prompt of ['queue one', 'queue two', 'queue three']) await generate(prompt);
    await expect.poll(waitingLabels).toEqual(['queue one', 'queue two', 'queue three']);

    await page.getByRole('button', { name: 'Run next: “queue three”' }).click();
    await expect.poll(waitingLabels).toEqual(['queue three', 'queue one', 'queue two']);
    await local().getByText('Priority +1').waitFor();

    await page.getByRole('button', { name: 'Cancel “queue two”' }).click();
    await expect.poll(waitingLabels).toEqual(['queue three', 'queue one']);
    await expect.poll(() => tilesOf('queue two').getAttribute('data-status')).toBe('canceled');
  });

  it('names a prompt-less operation by its uploaded file, with its list price', async () => {
    await page.getByRole('radio', { name: 'Remove background' }).click();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: await photo(),
    });
    await page.getByRole('button', { name: /Remove reference 1/ }).waitFor();
    await page.getByRole('button', { name: /^Remove background/ }).click();
    await expect
      .poll(waitingLabels)
      .toEqual(['queue three', 'queue one', 'Remove background · photo.png']);
    const row = local().getByTestId('queue-waiting-task').last();
    expect(await row.getByTestId('queue-task-price').textContent()).toBe('Free');
    await panel().screenshot({ path: `${outDir}queue-panel.png` });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Language').selectOption('zh-CN');
    await expect.poll(waitingLabels).toContain('去除背景 · photo.png');
    await panel().getByText('已暂停').first().waitFor();
    await panel().screenshot({ path: `${outDir}queue-panel-zh-CN.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await panel().screenshot({ path: `${outDir}queue-panel-dark.png` });
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('radio', { name: 'Text to image' }).click();
  });

  it('replaces a canceled tile with its retry, which keeps the earlier attempt reachable', async () => {
    await tilesOf('queue two').getByRole('button', { name: 'Retry' }).click();
    // One tile for the prompt: the retry, marked, where the canceled one was.
    await tilesOf('queue two').getByTestId('retry-mark').waitFor();
    await expect.poll(() => tilesOf('queue two').count()).toBe(1);
    expect(await tilesOf('queue two').getAttribute('data-status')).toBe('pending');
    await expect.poll(waitingLabels).toContain('queue two');
    // While it waits, its mark opens the earlier attempt.
    await tilesOf('queue two').getByTestId('retry-mark').click();
    const earlier = page.getByRole('dialog', { name: 'Earlier attempts' });
    await earlier.getByText('This is attempt 2.').waitFor();
    await earlier.getByText(/Attempt 1 · Canceled/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${outDir}retry-mark-history.png` });
    await earlier.getByRole('button', { name: 'Close' }).click();
    await earlier.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Resume Local preview engine' }).click();
    await expect
      .poll(() => tilesOf('queue two').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('completed');
    await expect.poll(waitingLabels, { timeout: 20_000 }).toEqual([]);
    await panel().getByText('Nothing is waiting.').waitFor();

    // A reload agrees with the live view: the canceled attempt has no tile of its own.
    await page.reload();
    await page.locator('[role="status"][data-state="connected"]').waitFor();
    await tilesOf('queue two').getByTestId('retry-mark').waitFor();
    expect(await tilesOf('queue two').count()).toBe(1);
    await tilesOf('queue two').screenshot({ path: `${outDir}retry-tile.png` });

    await tilesOf('queue two')
      .getByRole('button', { name: /Open image 1/ })
      .click();
    const history = page.getByTestId('retry-history');
    await history.getByText('This is attempt 2.').waitFor();
    const attempt = history.getByTestId('retry-attempt');
    expect(await attempt.count()).toBe(1);
    await attempt.getByText(/Attempt 1 · Canceled · Local preview engine/).click();
    await history.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${outDir}retry-history.png` });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('shows a member the paused provider, without pause or resume', async () => {
    const api = createTRPCClient<AppRouter>({
      links: [
        httpLink({ url: `${app.url}/trpc`, headers: { authorization: `Bearer ${app.key ?? ''}` } }),
      ],
    });
    const member: E2eAccount = {
      email: 'mia@genhub.test',
      password: 'member-password-1',
      name: 'Mia Member',
    };
    await api.admin.users.create.mutate({ ...member, role: 'member' });
    await api.queue.pause.mutate({ provider: 'local' });
    const theirs = await signedInPage(browser, app.url, { account: member });
    try {
      await theirs.getByTestId('generate-form').getByLabel('Prompt').fill('a member waits');
      await theirs.getByRole('button', { name: /^Generate/ }).click();
      const provider = theirs.locator('[data-testid="queue-provider"][data-provider="local"]');
      await provider.getByTestId('queue-provider-paused').waitFor();
      await provider.getByText('a member waits').waitFor();
      expect(await theirs.getByRole('button', { name: /^(Pause|Resume)/ }).count()).toBe(0);
    } finally {
      await theirs.context().close();
      await api.queue.resume.mutate({ provider: 'local' });
    }
  });
});

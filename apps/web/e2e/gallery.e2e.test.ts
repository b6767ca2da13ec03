import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { spawnServer, type RunningApp } from '@genhub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { e2eAdmin, launchBrowser, signInContext } from './browser';
import { zipEntries } from './zip-entries';

const outDir = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));

describe('the gallery with 10,000 generations', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    app = await spawnServer({ LOCAL_PROVIDER_DELAY_MS: '100' }, [], { seedGallery: 10_000 });
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
      acceptDownloads: true,
    });
    page = await context.newPage();
    await signInContext(page, app.url, e2eAdmin);
    await page.goto(app.url);
    await page.locator('[role="status"][data-state="connected"]').waitFor();
    await page.getByTestId('task-tile').first().waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('scrolls through thousands of items with a bounded number of tiles in the DOM', async () => {
    const tiles = page.getByTestId('task-tile');
    const initial = await tiles.count();
    expect(initial).toBeGreaterThan(10);
    expect(initial).toBeLessThan(80);
    // Scroll down far, page by page, letting pages load.
    for (let i = 0; i < 40; i++) {
      await page.mouse.wheel(0, 3000);
      await page.waitForTimeout(60);
    }
    await expect
      .poll(() => page.evaluate(() => window.scrollY), { timeout: 10_000 })
      .toBeGreaterThan(50_000);
    expect(await tiles.count()).toBeLessThan(80);
    // What is on screen is rendered: a tile in view has its image.
    const visible = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="task-tile"]')].some((el) => {
        const box = el.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight && el.querySelector('img') !== null;
      }),
    );
    expect(visible).toBe(true);
    await page.screenshot({ path: `${outDir}gallery-scrolled.png` });
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('keeps what the user looks at in place while new images arrive above', async () => {
    await page.evaluate(() => window.scrollTo(0, 4000));
    await page.waitForTimeout(300);
    // The first tile of the first row fully in view, and where it is on screen.
    const watched = await page.evaluate(() => {
      const tile = [...document.querySelectorAll('[data-testid="task-tile"]')].find(
        (el) => el.getBoundingClientRect().top >= 0,
      );
      return { id: tile?.getAttribute('data-task-id'), top: tile?.getBoundingClientRect().top };
    });
    const before = await page.getByTestId('task-tile').count();
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${app.url}/trpc/task.create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${app.key ?? ''}` },
        body: JSON.stringify({ prompt: `arrived while scrolled ${i}` }),
      });
      expect(res.status).toBe(200);
    }
    // Six new tiles went in at the top (out of view): the watched one has not moved.
    await page.waitForTimeout(1500);
    const after = await page.evaluate(
      (id) => document.querySelector(`[data-task-id="${id}"]`)?.getBoundingClientRect().top,
      watched.id,
    );
    expect(after).toBeDefined();
    expect(Math.abs((after ?? 0) - (watched.top ?? 0))).toBeLessThan(2);
    expect(await page.getByTestId('task-tile').count()).toBeLessThan(before + 20);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId('task-tile').filter({ hasText: 'arrived while scrolled 5' }).waitFor();
  });

  it('searches, and the search lives in the URL so a reload keeps it', async () => {
    await page.getByRole('searchbox', { name: 'Search' }).fill('lighthouse');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('lighthouse');
    await expect
      .poll(
        async () => (await page.getByTestId('task-tile').first().getAttribute('aria-label')) ?? '',
      )
      .toContain('lighthouse');
    const labels = await page
      .getByTestId('task-tile')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(labels.every((l) => l.includes('lighthouse'))).toBe(true);
    await page.reload();
    await expect
      .poll(() => page.getByRole('searchbox', { name: 'Search' }).inputValue())
      .toBe('lighthouse');
    await page.screenshot({ path: `${outDir}gallery-search.png` });
  });

  it('filters from a shared URL: starred failures show nothing, starred show only stars', async () => {
    await page.goto(`${app.url}/?starred=1`);
    await page.getByTestId('task-tile').first().waitFor();
    const stars = await page
      .getByTestId('task-tile')
      .evaluateAll((els) => els.map((e) => e.querySelector('[aria-pressed="true"]') !== null));
    expect(stars.length).toBeGreaterThan(0);
    expect(stars.every(Boolean)).toBe(true);
    await page.goto(`${app.url}/?status=failed&provider=kie`);
    await page.getByTestId('task-tile').first().waitFor();
    expect(await page.getByTestId('task-tile').first().getAttribute('data-status')).toBe('failed');
  });

  it('says when filters match nothing, offers to clear them, and names statuses plainly', async () => {
    await page.goto(`${app.url}/?status=canceled&q=zzqx-no-such-prompt`);
    const empty = page.getByTestId('gallery-empty');
    await empty.getByText('Nothing matches these filters.').waitFor();
    expect(await empty.textContent()).not.toContain('Write a prompt');
    const statuses = await page.getByLabel('Status').locator('option').allTextContents();
    expect(statuses).toEqual(['Any', 'Queued', 'Generating', 'Done', 'Failed', 'Canceled']);
    await empty.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByTestId('task-tile').first().waitFor();
    expect(new URL(page.url()).search).toBe('');
    // Generated pictures (not cut-outs) never sit on the transparency checkerboard.
    await expect
      .poll(() => page.locator('[data-testid="task-tile"] img[data-loaded="true"]').count())
      .toBeGreaterThan(0);
    expect(await page.locator('[data-testid="task-tile"] img.checkerboard').count()).toBe(0);
  });

  it('a star in one tab shows up in another, live', async () => {
    await page.goto(app.url);
    const other = await context.newPage();
    await other.goto(app.url);
    await other.locator('[role="status"][data-state="connected"]').waitFor();
    const tile = page.getByTestId('task-tile').first();
    const id = await tile.getAttribute('data-task-id');
    const star = tile.getByRole('button', { name: /^(Star|Unstar)$/ });
    const before = await star.getAttribute('aria-pressed');
    await tile.hover();
    await star.click();
    const mirror = other
      .locator(`[data-task-id="${id}"]`)
      .getByRole('button', { name: /^(Star|Unstar)$/ });
    await expect
      .poll(() => mirror.getAttribute('aria-pressed'))
      .toBe(before === 'true' ? 'false' : 'true');
    await other.close();
  });

  it('selects with click and shift-click and downloads them as one valid ZIP', async () => {
    const tiles = page.getByTestId('task-tile').filter({ has: page.locator('img') });
    await tiles.nth(0).hover();
    await tiles.nth(0).getByRole('checkbox').click();
    await tiles.nth(2).hover();
    await tiles
      .nth(2)
      .getByRole('checkbox')
      .click({ modifiers: ['Shift'] });
    await page.getByText('3 selected').waitFor();
    // Every box in the range shows as checked.
    expect(await tiles.nth(1).getByRole('checkbox').isChecked()).toBe(true);
    expect(await tiles.nth(2).getByRole('checkbox').isChecked()).toBe(true);
    await page.screenshot({ path: `${outDir}gallery-selection.png` });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download ZIP' }).click(),
    ]);
    const path = await download.path();
    const names = await zipEntries(path);
    expect(names).toHaveLength(3);
    expect(names.every((n) => /-\w{8}-1\.(webp|png)$/.test(n))).toBe(true);
    await page.getByRole('button', { name: 'Clear selection' }).click();
  });

  it('moves the lightbox with the keyboard and closes it with Escape', async () => {
    await page
      .getByRole('button', { name: /Open image 1/ })
      .first()
      .click();
    const image = page.getByTestId('lightbox-image');
    const first = await image.getAttribute('src');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => image.getAttribute('src')).not.toBe(first);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => image.getAttribute('src')).toBe(first);
    await page.keyboard.press('Escape');
    await image.waitFor({ state: 'detached' });
  });

  it('notifies (when opted in) a generation that finishes while the tab is hidden', async () => {
    const notifying = await context.newPage();
    // A granted permission and a hidden tab, with the Notification constructor recorded.
    await notifying.addInitScript(() => {
      const shown: string[] = [];
      class FakeNotification {
        static permission = 'granted';
        static requestPermission = () => Promise.resolve('granted');
        constructor(title: string, options?: { body?: string }) {
          shown.push(`${title}: ${options?.body ?? ''}`);
        }
      }
      Object.assign(window, { Notification: FakeNotification, shownNotifications: shown });
      Object.defineProperty(document, 'hidden', { get: () => true });
      localStorage.setItem('genhub.notify', JSON.stringify({ notify: true, sound: false }));
    });
    await notifying.goto(app.url);
    await notifying.locator('[role="status"][data-state="connected"]').waitFor();
    await notifying.getByTestId('task-tile').first().waitFor();
    const res = await fetch(`${app.url}/trpc/task.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.key ?? ''}` },
      body: JSON.stringify({ prompt: 'done while you were away' }),
    });
    expect(res.status).toBe(200);
    await expect
      .poll(() =>
        notifying.evaluate(
          () => (window as unknown as { shownNotifications: string[] }).shownNotifications,
        ),
      )
      .toContain('Image ready: done while you were away');
    await notifying.close();
  });

  it('has no serious accessibility violations, light or dark, and looks right in Chinese and on a phone', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${outDir}gallery-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${outDir}gallery-dark.png` });
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('heading', { name: '创作' }).waitFor();
    await page.screenshot({ path: `${outDir}gallery-zh.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${outDir}gallery-phone.png` });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
  });
});

import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { spawnServer, type RunningApp } from '@genhub/server/testing';
import { until } from '@genhub/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eAdmin, launchBrowser, signedInPage, signInContext } from './browser';

const outDir = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));

interface ServerTask {
  id: string;
  status: string;
  starredAt: number | null;
}

async function trpc<T>(app: RunningApp, path: string, input: unknown): Promise<T> {
  const url = `${app.url}/trpc/${path}`;
  const auth = { authorization: `Bearer ${app.key ?? ''}` };
  const res = path.endsWith('.get')
    ? await fetch(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: auth })
    : await fetch(url, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

/** The rendered box of every picture in a tile, with the size of the picture it shows. */
const pictures = (tile: Locator) =>
  tile.locator('img').evaluateAll((imgs: HTMLImageElement[]) =>
    imgs.map((img) => {
      const box = img.getBoundingClientRect();
      return {
        width: box.width,
        height: box.height,
        own: Number(img.getAttribute('width')) / Number(img.getAttribute('height')),
      };
    }),
  );

/** Badges that span more than one line: none should. */
const wrappedBadges = (page: Page) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll(
        '[data-testid="task-tile"] :is([data-testid="task-cost"], [data-testid="tile-badge"], [data-testid="duration-badge"], [data-testid="task-state"], [data-testid="task-warning"])',
      ),
    ]
      .filter((el) => el.getClientRects().length > 0)
      .filter((el) => {
        const style = getComputedStyle(el);
        const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
        const inner =
          el.getBoundingClientRect().height -
          parseFloat(style.paddingTop) -
          parseFloat(style.paddingBottom) -
          parseFloat(style.borderTopWidth) -
          parseFloat(style.borderBottomWidth);
        return el.getClientRects().length > 1 || inner > line * 1.3;
      })
      .map((el) => `${el.getAttribute('data-testid') ?? ''}: ${el.textContent ?? ''}`),
  );

/** Each gallery row's left and right edge, from its tiles. */
const rowEdges = (page: Page) =>
  page.evaluate(() => {
    const gallery = document.querySelector('[data-testid="gallery"]')?.getBoundingClientRect();
    const rows = [...document.querySelectorAll('[data-testid="gallery-row"]')].map((row) => {
      const boxes = [...row.querySelectorAll('[role="listitem"]')].map((item) =>
        item.getBoundingClientRect(),
      );
      return {
        left: Math.min(...boxes.map((b) => b.left)),
        right: Math.max(...boxes.map((b) => b.right)),
        top: boxes[0]?.top ?? 0,
      };
    });
    return {
      left: gallery?.left ?? 0,
      right: gallery?.right ?? 0,
      rows: rows.sort((a, b) => a.top - b.top),
    };
  });

describe('the gallery shows every picture in its own shape', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const ids: Record<'wide' | 'tall' | 'three', string> = { wide: '', tall: '', three: '' };

  const tileOf = (p: Page, id: string) =>
    p.locator(`[data-testid="task-tile"][data-task-id="${id}"]`);

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    app = await spawnServer({ LOCAL_PROVIDER_DELAY_MS: '50' });
    browser = await launchBrowser();
    // A few 4:3 pictures first, so there are full rows ahead of the last one.
    for (let i = 0; i < 4; i++) {
      await trpc(app, 'task.create', { prompt: `filler landscape ${i}`, aspectRatio: '4:3' });
    }
    ids.three = (
      await trpc<ServerTask>(app, 'task.create', {
        prompt: 'three pears on a table',
        aspectRatio: '1:1',
        count: 3,
      })
    ).id;
    ids.tall = (
      await trpc<ServerTask>(app, 'task.create', {
        prompt: 'a tall lighthouse',
        aspectRatio: '9:16',
      })
    ).id;
    ids.wide = (
      await trpc<ServerTask>(app, 'task.create', {
        prompt: 'wide desert dunes',
        aspectRatio: '16:9',
      })
    ).id;
    const done = async () =>
      (
        await Promise.all(Object.values(ids).map((id) => trpc<ServerTask>(app, 'task.get', { id })))
      ).every((t) => t.status === 'completed');
    await until(done, 30_000, 'the tasks to complete');
    page = await signedInPage(browser, app.url);
    const loaded = page.locator('[data-testid="task-tile"] img[data-loaded="true"]');
    await until(async () => (await loaded.count()) === 9, 20_000, 'nine pictures to load');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('keeps each picture’s shape: 16:9 wide, 9:16 tall, no square crop', async () => {
    const [wide] = await pictures(tileOf(page, ids.wide));
    const [tall] = await pictures(tileOf(page, ids.tall));
    expect(wide?.own).toBeCloseTo(1344 / 768, 2);
    expect(tall?.own).toBeCloseTo(768 / 1344, 2);
    for (const picture of [wide, tall]) {
      const shown = (picture?.width ?? 0) / (picture?.height ?? 1);
      expect(Math.abs(shown / (picture?.own ?? 1) - 1)).toBeLessThan(0.03);
    }
  });

  it('fills a three-picture tile with no empty quarter, each picture in its shape', async () => {
    const tile = tileOf(page, ids.three);
    const three = await pictures(tile);
    expect(three).toHaveLength(3);
    for (const picture of three)
      expect(Math.abs(picture.width / picture.height - 1)).toBeLessThan(0.04);
    const media = await tile.getByTestId('tile-media').boundingBox();
    const covered = three.reduce((sum, p) => sum + p.width * p.height, 0);
    expect(covered / ((media?.width ?? 1) * (media?.height ?? 1))).toBeGreaterThan(0.97);
  });

  it('fills every row but the last to the gallery’s width', async () => {
    const { left, right, rows } = await rowEdges(page);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows.slice(0, -1)) {
      expect(Math.abs(row.left - left)).toBeLessThanOrEqual(1);
      expect(Math.abs(row.right - right)).toBeLessThanOrEqual(1);
    }
    const last = rows.at(-1);
    expect(last?.right ?? Infinity).toBeLessThanOrEqual(right + 1);
    expect(await wrappedBadges(page)).toEqual([]);
    await page.screenshot({ path: `${outDir}gallery-layout-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${outDir}gallery-layout-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('on a touch phone: star and select are shown and work by tap, long press selects, badges stay on one line', async () => {
    const context = await browser.newContext({
      hasTouch: true,
      isMobile: true,
      viewport: { width: 390, height: 844 },
      locale: 'en-US',
    });
    const phone = await context.newPage();
    await signInContext(phone, app.url, e2eAdmin);
    await phone.goto(app.url);
    await phone.locator('[role="status"][data-state="connected"]').waitFor();
    // A phone shows the studio one part at a time.
    await phone.getByRole('tab', { name: 'Gallery' }).tap();
    const wide = tileOf(phone, ids.wide);
    await wide.scrollIntoViewIfNeeded();
    await wide.locator('img[data-loaded="true"]').waitFor();

    // About two tiles a row at phone width.
    const { rows } = await rowEdges(phone);
    expect(rows.length).toBeGreaterThan(2);

    // No hover on a phone: the controls are there to see, not revealed by a pointer.
    const star = wide.getByRole('button', { name: 'Star' });
    expect(await star.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    const box = wide.getByRole('checkbox');
    expect(await box.evaluate((el) => getComputedStyle(el.parentElement ?? el).opacity)).toBe('1');

    await star.tap();
    await expect
      .poll(() => wide.getByRole('button', { name: 'Unstar' }).getAttribute('aria-pressed'))
      .toBe('true');
    await expect
      .poll(async () => (await trpc<ServerTask>(app, 'task.get', { id: ids.wide })).starredAt)
      .not.toBeNull();

    await box.tap();
    await phone.getByText('1 selected').waitFor();
    expect(await box.isChecked()).toBe(true);

    // A long press on another tile selects it too, and does not open the lightbox.
    const tall = tileOf(phone, ids.tall);
    await tall.scrollIntoViewIfNeeded();
    const at = await tall.locator('img').first().boundingBox();
    if (!at) throw new Error('the tall tile has no picture on screen');
    const cdp = await context.newCDPSession(phone);
    const point = { x: at.x + at.width / 2, y: at.y + at.height / 2 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
    // The finger rests: this wait is the gesture itself, not a wait for a condition.
    await phone.waitForTimeout(800);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await phone.getByText('2 selected').waitFor();
    expect(await tall.getByRole('checkbox').isChecked()).toBe(true);
    expect(await phone.getByTestId('lightbox-image').count()).toBe(0);

    expect(await wrappedBadges(phone)).toEqual([]);
    await wide.scrollIntoViewIfNeeded();
    await phone.screenshot({ path: `${outDir}gallery-layout-phone.png` });
    await phone.getByRole('button', { name: 'Clear selection' }).tap();
    await phone.getByTestId('gallery').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await phone.screenshot({ path: `${outDir}gallery-layout-phone-rows.png` });
    await context.close();
  });
});

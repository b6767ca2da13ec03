import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { spawnServer, type RunningApp } from '@genhub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchBrowser, signedInPage } from './browser';

const outDir = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));

describe('edit chains and before/after in the lightbox (local provider)', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    app = await spawnServer({ LOCAL_PROVIDER_DELAY_MS: '0' });
    browser = await launchBrowser();
    page = await signedInPage(browser, app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const dialog = () => page.getByRole('dialog');
  const form = () => page.getByTestId('generate-form');
  const tiles = () => page.getByTestId('task-tile');
  const steps = () => dialog().getByTestId('chain-step');
  const openTask = () => new URL(page.url()).searchParams.get('open');

  /** Submits the form, waits for the new task to finish and opens its image in the lightbox. */
  async function submitAndOpen(action: RegExp, prompt: string) {
    const before = await tiles().count();
    await form().getByLabel('Prompt').fill(prompt);
    await page.getByRole('button', { name: action }).click();
    await expect.poll(() => tiles().count()).toBe(before + 1);
    const tile = tiles().first();
    await expect
      .poll(() => tile.getAttribute('data-status'), { timeout: 20_000 })
      .toBe('completed');
    await tile.getByRole('button', { name: /^Open image 1/ }).click();
    await dialog().getByTestId('lightbox-image').waitFor();
  }

  /** "Edit this" (or a step's Edit) closes the lightbox and readies the form: an edit of it. */
  async function expectEditReady() {
    await dialog().waitFor({ state: 'detached' });
    await expect
      .poll(() => form().getByRole('radio', { name: 'Image to image' }).isChecked())
      .toBe(true);
    await expect
      .poll(() =>
        form()
          .getByRole('button', { name: /^Remove reference/ })
          .count(),
      )
      .toBe(1);
    expect(await form().getByLabel('Prompt').inputValue()).toBe('');
  }

  it('"Edit this" continues a chain, and editing step 1 again starts a branch', async () => {
    await submitAndOpen(/^Generate/, 'a lighthouse on a cliff');
    const root = openTask();
    // A lone image has no chain to show.
    expect(await dialog().getByTestId('chain-timeline').count()).toBe(0);
    await dialog().getByRole('button', { name: 'Edit this' }).click();
    await expectEditReady();

    await submitAndOpen(/^Apply edit/, 'at night');
    await expect.poll(() => steps().count()).toBe(2);
    const current = dialog().getByRole('button', { name: /^Open Step 2: at night/ });
    expect(await current.getAttribute('aria-current')).toBe('step');

    // Any step opens in place.
    await dialog()
      .getByRole('button', { name: /^Open Step 1: a lighthouse/ })
      .click();
    await expect.poll(openTask).toBe(root);
    expect(
      await dialog()
        .getByRole('button', { name: /^Open Step 1/ })
        .getAttribute('aria-current'),
    ).toBe('step');

    // Editing step 1 again, from the timeline, starts a branch.
    await dialog().getByRole('button', { name: 'Edit Step 1' }).click();
    await expectEditReady();
    await submitAndOpen(/^Apply edit/, 'in the snow');
    await expect.poll(() => steps().count()).toBe(3);
    const lanes = await steps().evaluateAll((items) =>
      items.map((i) => i.getAttribute('data-lane')),
    );
    expect(lanes).toEqual(['0', '0', '1']);
    expect(
      await dialog()
        .getByRole('button', { name: /^Open Step 2/ })
        .count(),
    ).toBe(2);
  });

  it('compares an edit with its input: the slider moves with the keyboard, side by side shows both', async () => {
    const opened = openTask();
    await dialog().getByRole('button', { name: 'Compare with input' }).click();
    const slider = dialog().getByRole('slider', { name: 'Before/after divider' });
    expect(await slider.getAttribute('aria-valuenow')).toBe('50');
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => slider.getAttribute('aria-valuenow')).toBe('45');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.getAttribute('aria-valuenow')).toBe('55');
    await page.keyboard.press('End');
    await expect.poll(() => slider.getAttribute('aria-valuenow')).toBe('100');
    // The arrows moved the divider, not the lightbox to another image.
    expect(openTask()).toBe(opened);
    // Dragging moves it too.
    const box = await dialog().getByTestId('compare-slider').boundingBox();
    if (!box) throw new Error('the slider has no box');
    await page.mouse.click(box.x + box.width * 0.25, box.y + box.height / 2);
    await expect
      .poll(async () => Number(await slider.getAttribute('aria-valuenow')))
      .toBeLessThan(30);
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.getAttribute('aria-valuenow')).toBe('45');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${outDir}lightbox-compare-slider.png` });

    await dialog().getByRole('button', { name: 'Side by side' }).click();
    const side = dialog().getByTestId('compare-side');
    await expect
      .poll(() => side.locator('figcaption').allTextContents())
      .toEqual(['Before', 'After']);
    const sources = await side
      .locator('img')
      .evaluateAll((imgs) =>
        imgs.map(
          (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
        ),
      );
    expect(sources).toEqual([true, true]);
    await page.screenshot({ path: `${outDir}lightbox-compare-side.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${outDir}lightbox-compare-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('compares any two steps of the chain', async () => {
    await dialog().getByRole('checkbox', { name: 'Pick Step 1 to compare' }).check();
    const second = dialog().getByRole('checkbox', { name: 'Pick Step 2 to compare' });
    await second.first().check();
    await dialog().getByRole('button', { name: 'Compare Step 1 with Step 2' }).click();
    const side = dialog().getByTestId('compare-side');
    await expect
      .poll(() => side.locator('figcaption').allTextContents())
      .toEqual(['Step 1', 'Step 2']);
    await dialog().getByRole('button', { name: 'Slider' }).click();
    await dialog().getByRole('slider').waitFor();
    await page.screenshot({ path: `${outDir}lightbox-chain-compare.png` });
    await dialog().getByRole('button', { name: 'Stop comparing' }).click();
    await dialog().getByTestId('lightbox-image').waitFor();
  });

  it('reads in Chinese', async () => {
    const opened = openTask();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('heading', { name: '创作' }).waitFor();
    await page.goto(`${app.url}/?open=${opened ?? ''}`);
    await dialog().getByRole('button', { name: '与输入图对比' }).click();
    await dialog().getByRole('slider', { name: '前后对比分隔线' }).waitFor();
    await dialog().getByRole('heading', { name: '编辑链' }).waitFor();
    await page.screenshot({ path: `${outDir}lightbox-compare-zh.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${outDir}lightbox-compare-phone.png` });
  });
});

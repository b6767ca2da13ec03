import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { spawnServer, type RunningApp } from '@genhub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signedInPage } from './browser';

const outDir = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));
const prompts = ['a red kite over dunes', 'a harbour at dawn', 'a quiet library'];

describe('collections in their own place, without browser dialogs', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const browserDialogs: string[] = [];

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    app = await spawnServer({ LOCAL_PROVIDER_DELAY_MS: '50' });
    for (const prompt of prompts) {
      const res = await fetch(`${app.url}/trpc/task.create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${app.key ?? ''}` },
        body: JSON.stringify({ prompt }),
      });
      expect(res.status).toBe(200);
    }
    browser = await launchBrowser();
    page = await signedInPage(browser, app.url);
    // No prompt(), confirm() or alert() may ever open.
    page.on('dialog', (dialog) => {
      browserDialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const prompt of prompts)
      await page.getByRole('article', { name: prompt }).locator('img').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const panel = () => page.getByRole('region', { name: 'Collections' });
  const chip = (name: RegExp) => panel().getByRole('button', { name });

  async function createCollection(name: string) {
    await panel().getByRole('button', { name: '+ New collection' }).click();
    const box = panel().getByLabel('Collection name');
    await box.fill(name);
    await box.press('Enter');
    await chip(new RegExp(`^${name}, 0 images$`)).waitFor();
  }

  it('creates collections from the sidebar, checking the name in place', async () => {
    await panel().getByText('No collections yet').waitFor();
    await panel().getByRole('button', { name: '+ New collection' }).click();
    await panel().getByRole('button', { name: 'Create' }).click();
    await panel().getByText('Give it a name of 1 to 80 characters').waitFor();
    await panel().getByRole('button', { name: 'Cancel' }).click();
    await createCollection('Trips');
    await createCollection('Scratch');
  });

  it('adds the selected tiles by dragging one onto a collection, with a toast and undo', async () => {
    const [first, second] = prompts.map((p) => page.getByRole('article', { name: p }));
    if (!first || !second) throw new Error('fixture');
    for (const tile of [first, second]) {
      await tile.hover();
      await tile.getByRole('checkbox').click();
    }
    await page.getByText('2 selected').waitFor();
    const toast = page.getByTestId('collection-toast');
    await first.dragTo(chip(/^Trips, /));
    await toast.getByText('Added 2 images to Trips').waitFor();
    await chip(/^Trips, 2 images$/).waitFor();
    await page.screenshot({ path: `${outDir}collections-toast.png` });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await chip(/^Trips, 0 images$/).waitFor();
    await toast.waitFor({ state: 'detached' });
    // Again, then once more: the second drop adds nothing and says so.
    await second.dragTo(chip(/^Trips, /));
    await toast.getByText('Added 2 images to Trips').waitFor();
    await first.dragTo(chip(/^Trips, /));
    await toast.getByText('Already in Trips').waitFor();
    await toast.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('button', { name: 'Clear selection' }).click();
  });

  it('filters the gallery by a collection with one click', async () => {
    await chip(/^Trips, 2 images$/).click();
    await expect.poll(() => new URL(page.url()).searchParams.has('collection')).toBe(true);
    await expect.poll(() => page.getByRole('article').count()).toBe(2);
    expect(await page.getByRole('article', { name: prompts[2] }).count()).toBe(0);
    expect(await chip(/^Trips, /).getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: `${outDir}collections-sidebar.png` });
  });

  it('renames in place and deletes after an in-app confirmation', async () => {
    await panel().getByRole('button', { name: 'Rename' }).click();
    const box = panel().getByLabel('New name for “Trips”');
    await box.fill('Trips 2026');
    await panel().getByRole('button', { name: 'Save' }).click();
    await chip(/^Trips 2026, 2 images$/).waitFor();

    await chip(/^Scratch, /).click();
    await panel().getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the collection?' });
    await confirm
      .getByText('Delete the collection “Scratch”? Its images stay in the gallery.')
      .waitFor();
    await page.screenshot({ path: `${outDir}collections-confirm.png` });
    // Cancel keeps it; Delete removes it and shows every image again.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    await panel().getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => chip(/^Scratch, /).count()).toBe(0);
    await expect.poll(() => page.getByRole('article').count()).toBe(3);
  });

  it('names a new collection from the selection in the bulk bar, without prompt()', async () => {
    const tile = page.getByRole('article', { name: prompts[2] });
    await tile.hover();
    await tile.getByRole('checkbox').click();
    const bar = page.getByRole('toolbar', { name: 'Selected images' });
    await bar.getByLabel('Add to collection…').selectOption('__new');
    const box = bar.getByLabel('Name of the new collection');
    await box.fill('Libraries');
    await box.press('Enter');
    await chip(/^Libraries, 1 image$/).waitFor();
    const toast = page.getByTestId('collection-toast');
    await toast.getByText('Added 1 image to Libraries').waitFor();
    await toast.getByRole('button', { name: 'Dismiss' }).click();
    await bar.getByRole('button', { name: 'Clear selection' }).click();
  });

  it('asks before emptying the trash, in the page', async () => {
    await page.getByRole('button', { name: 'Trash', exact: true }).click();
    await page.getByRole('button', { name: 'Empty trash now' }).click();
    const confirm = page.getByRole('dialog', { name: 'Empty trash now' });
    await confirm.getByText('Delete everything in the trash for good?').waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Trash', exact: true }).click();
  });

  it('looks right in dark mode, in Chinese and on a phone', async () => {
    await chip(/^Trips 2026, /).click();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${outDir}collections-sidebar-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByLabel('Language').selectOption('zh-CN');
    await page
      .getByRole('region', { name: '收藏夹' })
      .getByRole('button', { name: '重命名' })
      .waitFor();
    await page.screenshot({ path: `${outDir}collections-sidebar-zh.png` });
    await page.getByLabel('语言').selectOption('en');
    await page.setViewportSize({ width: 390, height: 844 });
    // On a phone the collections sit with the gallery, under its tab.
    await page.getByRole('tab', { name: 'Gallery' }).click();
    await panel().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${outDir}collections-phone.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(browserDialogs).toEqual([]);
  });
});

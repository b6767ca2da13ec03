import { createTRPCClient, httpLink } from '@trpc/client';
import type { Browser, Page } from 'playwright-core';
import type { AppRouter } from '@genhub/api';
import { until } from '@genhub/core/testing';
import { spawnServer, type RunningApp } from '@genhub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signedInPage } from './browser';

/** The query string's lightbox part, as the page's address bar has it. */
const openParams = (page: Page) => {
  const params = new URL(page.url()).searchParams;
  return { open: params.get('open'), image: params.get('image') };
};

describe('the lightbox has an address of its own', () => {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let taskId: string;
  let url = '';

  beforeAll(async () => {
    app = await spawnServer({ LOCAL_PROVIDER_DELAY_MS: '0' });
    url = app.url;
    const api = createTRPCClient<AppRouter>({
      links: [
        httpLink({ url: `${url}/trpc`, headers: { authorization: `Bearer ${app.key ?? ''}` } }),
      ],
    });
    const task = await api.task.create.mutate({ prompt: 'two lighthouses', count: 2 });
    taskId = task.id;
    await until(
      async () => (await api.task.get.query({ id: task.id })).status === 'completed',
      30_000,
      'the task to complete',
    );
    browser = await launchBrowser();
    page = await signedInPage(browser, url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const dialog = () => page.getByRole('dialog');
  const position = () => page.getByTestId('lightbox-position');

  it('opening an image puts it in the address; stepping replaces it; Back closes it', async () => {
    await page.getByRole('button', { name: 'Open image 1 of “two lighthouses”' }).click();
    await expect.poll(() => position().textContent()).toBe('Image 1 of 2');
    expect(openParams(page)).toEqual({ open: taskId, image: null });
    await page.getByRole('button', { name: 'Next image of this task' }).click();
    await expect.poll(() => position().textContent()).toBe('Image 2 of 2');
    expect(openParams(page)).toEqual({ open: taskId, image: '2' });
    await page.goBack();
    await dialog().waitFor({ state: 'detached' });
    expect(openParams(page)).toEqual({ open: null, image: null });
  });

  it('a shared link opens the same image, and survives a reload', async () => {
    await page.goto(`${url}/?open=${taskId}&image=2`);
    await expect.poll(() => position().textContent()).toBe('Image 2 of 2');
    await page.reload();
    await expect.poll(() => position().textContent()).toBe('Image 2 of 2');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await until(() => openParams(page).open === null, 5_000, 'the address to drop the image');
    expect(openParams(page)).toEqual({ open: null, image: null });
  });

  it('a link to a task that is not there opens nothing and breaks nothing', async () => {
    await page.goto(`${url}/?open=no-such-task&image=9`);
    await page.getByRole('button', { name: 'Open image 1 of “two lighthouses”' }).waitFor();
    expect(await dialog().count()).toBe(0);
  });
});

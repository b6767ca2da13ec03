import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceLimit, type ProviderInfo } from '@genhub/core/schemas';
import { spawnServer, type RunningApp } from '@genhub/server/testing';
import { launchBrowser, signedInPage } from './browser';
import { createTask, inViewport, seriousViolations } from './studio-helpers';

const outDir = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));

/** A small PNG of one colour, named after it. */
const swatch = async (name: string, color: string) => ({
  name: `${name}.png`,
  mimeType: 'image/png',
  buffer: await sharp({
    create: { width: 320, height: 240, channels: 3, background: color },
  })
    .png()
    .toBuffer(),
});

describe('the composer: drop zones and mode switches', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let editMax = 0;

  const form = () => page.getByTestId('generate-form');
  const mode = (name: string) => form().getByRole('radio', { name, exact: true }).click();
  const count = () => form().getByTestId('reference-count').textContent();
  const thumbnails = () =>
    form()
      .getByRole('button', { name: /^Remove reference/ })
      .count();
  const notice = () => form().getByTestId('reference-notice');
  const upload = async (...names: string[]) => {
    const files = await Promise.all(
      names.map((n, i) => swatch(n, ['#c33', '#3a3', '#33c'][i % 3] ?? '#888')),
    );
    await form().getByTestId('reference-input').setInputFiles(files);
  };

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    app = await spawnServer({ LOCAL_PROVIDER_DELAY_MS: '200' });
    const res = await fetch(`${app.url}/trpc/provider.list`, {
      headers: { authorization: `Bearer ${app.key ?? ''}` },
    });
    const providers = ((await res.json()) as { result: { data: ProviderInfo[] } }).result.data;
    const local = providers.find((p) => p.id === 'local')?.models[0];
    if (!local) throw new Error('no local model');
    editMax = referenceLimit('edit', {}, local).max;
    browser = await launchBrowser();
    page = await signedInPage(browser, app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('says how many images each mode takes, and how many are in', async () => {
    await mode('Enhance');
    expect(await form().getByText('Drop 1 image here or choose a file').count()).toBe(1);
    expect(await count()).toBe('0 of 1');

    await mode('Style transfer');
    expect(await form().getByText('Drop 2 images here or choose files').count()).toBe(1);
    await upload('content');
    await expect.poll(count).toBe('1 of 2');

    await mode('Image to image');
    expect(
      await form().getByText(`Drop up to ${editMax} images here or choose files`).count(),
    ).toBe(1);
    await expect.poll(count).toBe(`1 of ${editMax}`);

    // A real drop of two files onto the zone.
    const files = await Promise.all([swatch('a', '#c33'), swatch('b', '#3a3')]);
    const dataTransfer = await page.evaluateHandle(
      (list) => {
        const dt = new DataTransfer();
        for (const f of list) {
          dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: 'image/png' }));
        }
        return dt;
      },
      files.map((f) => ({ name: f.name, bytes: [...f.buffer] })),
    );
    await form()
      .locator('label')
      .filter({ has: page.getByTestId('reference-input') })
      .dispatchEvent('drop', { dataTransfer });
    await expect.poll(count).toBe(`3 of ${editMax}`);
    expect(await thumbnails()).toBe(3);
  });

  it('keeps what fits on a mode switch, says what it set aside, and brings it back', async () => {
    await mode('Enhance');
    await notice().waitFor();
    expect(await notice().textContent()).toContain(
      'Enhance takes 1 image: kept the first, set 2 aside.',
    );
    expect(await count()).toBe('1 of 1');
    expect(await thumbnails()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${outDir}composer-set-aside.png` });

    // Switching back to a mode that takes them brings them back, in order.
    await mode('Image to image');
    expect(await notice().textContent()).toContain('Brought back 2 images set aside earlier.');
    await expect.poll(count).toBe(`3 of ${editMax}`);

    // Undo returns to the mode before, with every image.
    await mode('Style transfer');
    expect(await notice().textContent()).toContain(
      'Style transfer takes 2 images: kept the first 2, set 1 aside.',
    );
    await notice().getByRole('button', { name: 'Undo' }).click();
    expect(
      await form().getByRole('radio', { name: 'Image to image' }).getAttribute('aria-checked'),
    ).toBe('true');
    await expect.poll(count).toBe(`3 of ${editMax}`);
    expect(await notice().count()).toBe(0);

    // A mode that takes no images sets all aside; the notice can be dismissed.
    await mode('Text to image');
    expect(await notice().textContent()).toContain('Text to image takes no images: set 3 aside.');
    await notice().getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice().count()).toBe(0);
    await mode('Image to image');
    await expect.poll(count).toBe(`3 of ${editMax}`);
  });

  it('narrows a video to its two frames when the mode changes from references', async () => {
    await mode('Image to video');
    // Frames first: two of the three fit.
    expect(await notice().textContent()).toContain(
      'Image to video takes 2 images: kept the first 2, set 1 aside.',
    );
    await form().getByLabel('The images are').selectOption('reference');
    expect(await notice().textContent()).toContain('Brought back 1 image set aside earlier.');
    await expect.poll(count).toBe('3 of 3');
    await form().getByLabel('The images are').selectOption('frames');
    await expect.poll(count).toBe('2 of 2');
  });

  it('says how many were left out when more are dropped than fit, and runs with what it kept', async () => {
    await mode('Enhance');
    await form().getByRole('button', { name: 'Remove reference 1' }).click();
    expect(await count()).toBe('0 of 1');
    await upload('one', 'two');
    await form().getByText('1 image left out: this mode takes 1').waitFor();
    await expect.poll(count).toBe('1 of 1');
    await form().locator('button[type="submit"]').click();
    const tile = page.getByTestId('task-tile').first();
    await expect
      .poll(() => tile.getAttribute('data-status'), { timeout: 20_000 })
      .toBe('completed');
    await page.getByLabel('Language').selectOption('zh-CN');
    await mode('图生图');
    // What the last drop left out was about Enhance's limit: it goes with the mode.
    expect(
      await form()
        .getByText(/未加入/)
        .count(),
    ).toBe(0);
    await form()
      .getByText(/个已暂存|已放回/)
      .first()
      .waitFor();
    await page.screenshot({ path: `${outDir}composer-zh.png` });
    await page.getByLabel('语言').selectOption('en');
  });

  it('on a laptop, brings the new tile into view when the page was scrolled down', async () => {
    for (let i = 0; i < 30; i++) await createTask(app, { prompt: `filler ${i + 1}` });
    await expect
      .poll(() => page.getByTestId('task-tile').first().textContent())
      .toContain('filler 30');
    await mode('Text to image');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(600);
    await form().getByLabel('Prompt').fill('a heron in the reeds');
    await form().locator('button[type="submit"]').click();
    const tile = page.getByTestId('task-tile').first();
    await expect
      .poll(() => tile.textContent(), { timeout: 10_000 })
      .toContain('a heron in the reeds');
    await expect.poll(() => inViewport(page, tile)).toBe(true);
  });
});

import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { fakeKieVeo, startFakeKie, type FakeKie, type FakeKieVeo } from '@genhub/server/fakes';
import { spawnServer, type RunningApp } from '@genhub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signedInPage } from './browser';

const outDir = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));

const optionTexts = (select: Locator) => select.locator('option').allTextContents();
const optionValues = (select: Locator) =>
  select
    .locator('option')
    .evaluateAll((options: HTMLOptionElement[]) => options.map((o) => o.value));

/** A task as the server has it, read over the API. */
async function serverTask(app: RunningApp, id: string): Promise<{ seed: number | null }> {
  const input = encodeURIComponent(JSON.stringify({ id }));
  const res = await fetch(`${app.url}/trpc/task.get?input=${input}`, {
    headers: { authorization: `Bearer ${app.key ?? ''}` },
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { result: { data: { seed: number | null } } };
  return body.result.data;
}

describe('KIE.ai from the browser, with a key and no public URL', () => {
  let veo: FakeKieVeo;
  let kie: FakeKie;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    veo = await fakeKieVeo();
    kie = await startFakeKie({ routes: veo.routes });
    kie.behaviour.pollsToFinish = 1;
    veo.behaviour.pollsToFinish = 0;
    app = await spawnServer({
      KIE_API_KEY: kie.apiKey,
      KIE_BASE_URL: kie.url,
      KIE_UPLOAD_BASE_URL: kie.uploadUrl,
      INGEST_ALLOW_HOSTS: new URL(kie.url).host,
      FFMPEG_PATH: 'off',
    });
    browser = await launchBrowser();
    page = await signedInPage(browser, app.url);
    // Set once: still there at the end means nothing reloaded the page.
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await kie?.close();
  });

  const form = () => page.getByTestId('generate-form');
  const tileFor = (prompt: string) => page.getByTestId('task-tile').filter({ hasText: prompt });
  const notReloaded = () => page.evaluate(() => (window as unknown as { marker?: number }).marker);

  it('shows the balance, generates with Nano Banana and the image arrives live', async () => {
    await page.getByTestId('balance-kie').getByText('KIE.ai: 100 credits').waitFor();
    await form().getByLabel('Provider').selectOption('kie');
    const model = form().getByLabel('Model');
    // The text-to-image models; Google's 2.5 id is marked, the edit-only and video ones are not here.
    expect(await optionTexts(model)).toEqual([
      'Nano Banana (KIE.ai) · deprecated',
      'Nano Banana Pro (KIE.ai)',
      'Nano Banana 2 (KIE.ai)',
      'Seedream 4.0 (KIE.ai)',
      'Seedream 4.5 (KIE.ai)',
    ]);
    // KIE's default.
    expect(await model.inputValue()).toBe('nano-banana-2');
    await form().getByLabel('Prompt').fill('a banana on the moon');
    await page.getByRole('button', { name: /Generate/ }).click();
    const tile = tileFor('a banana on the moon');
    await tile.locator('img').waitFor({ timeout: 20_000 });
    expect(await tile.getAttribute('data-status')).toBe('completed');
    const sent = [...kie.tasks.values()].at(-1);
    expect(sent?.model).toBe('nano-banana-2');
    expect(sent?.input).toEqual({
      prompt: 'a banana on the moon',
      output_format: 'png',
      aspect_ratio: '1:1',
      resolution: '1K',
    });
    await page.screenshot({ path: `${outDir}kie.png` });
  });

  it('makes three Seedream 4.0 images in one task, offering only the shapes it has', async () => {
    const ratio = form().getByLabel('Aspect ratio');
    await form().getByLabel('Provider').selectOption('kie');
    await form().getByLabel('Model').selectOption('nano-banana-2');
    await ratio.selectOption('4:5');
    await form().getByLabel('Model').selectOption('bytedance/seedream-v4-text-to-image');
    // Seedream names eight shapes: 5:4, 4:5, auto and the extremes are not offered, and the
    // 4:5 chosen for Nano Banana gives way to the shape the task would be sent with.
    expect(await optionValues(ratio)).toEqual([
      '1:1',
      '4:3',
      '3:4',
      '3:2',
      '2:3',
      '16:9',
      '9:16',
      '21:9',
    ]);
    expect(await ratio.inputValue()).toBe('1:1');
    expect(await optionValues(form().getByLabel('Images'))).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(await optionValues(form().getByLabel('Resolution'))).toEqual(['1K', '2K', '4K']);
    expect(await optionValues(form().getByLabel('Format'))).toEqual(['png']);

    await ratio.selectOption('16:9');
    await form().getByLabel('Images').selectOption('3');
    await form().getByLabel('Resolution').selectOption('2K');
    const prompt = 'three lighthouses, one per season';
    await form().getByLabel('Prompt').fill(prompt);
    await page.getByRole('button', { name: /Generate/ }).click();

    const tile = tileFor(prompt);
    await expect.poll(() => tile.getAttribute('data-status')).toMatch(/pending|processing/);
    await expect.poll(() => tile.locator('img').count(), { timeout: 20_000 }).toBe(3);
    expect(await tile.getAttribute('data-status')).toBe('completed');
    const images = tile.locator('img');
    const sources = await images.evaluateAll((imgs: HTMLImageElement[]) =>
      Promise.all(imgs.map((img) => img.decode().then(() => img.currentSrc))),
    );
    expect(new Set(sources).size).toBe(3);
    expect(await notReloaded()).toBe(42);

    const sent = [...kie.tasks.values()].at(-1);
    expect(sent?.model).toBe('bytedance/seedream-v4-text-to-image');
    const id = await tile.getAttribute('data-task-id');
    const { seed } = await serverTask(app, id ?? '');
    expect(seed).toEqual(expect.any(Number));
    expect(sent?.input).toEqual({
      prompt,
      image_size: 'landscape_16_9',
      image_resolution: '2K',
      max_images: 3,
      seed,
    });
    await page.screenshot({ path: `${outDir}kie-seedream.png` });
  });

  it('makes a Veo 3.1 Fast clip from text; its tile shows a poster and length and plays', async () => {
    await page.getByRole('radio', { name: 'Text to video' }).click();
    await form().getByLabel('Provider').selectOption('kie');
    const model = form().getByLabel('Model');
    expect(await optionTexts(model)).toEqual([
      'Veo 3.1 Fast (KIE.ai)',
      'Veo 3.1 Lite (KIE.ai)',
      'Veo 3.1 Quality (KIE.ai)',
    ]);
    await model.selectOption({ label: 'Veo 3.1 Fast (KIE.ai)' });
    expect(await model.inputValue()).toBe('veo3_fast');
    expect(await optionValues(form().getByLabel('Aspect ratio'))).toEqual(['16:9', '9:16', 'auto']);
    expect(await optionValues(form().getByLabel('Resolution'))).toEqual(['720p', '1080p', '4K']);
    expect(await optionValues(form().getByLabel('Length'))).toEqual(['4', '6', '8']);
    // One clip a task, and no image format.
    expect(await form().getByLabel('Images').count()).toBe(0);
    expect(await form().getByLabel('Format').count()).toBe(0);

    await form().getByLabel('Aspect ratio').selectOption('16:9');
    await form().getByLabel('Resolution').selectOption('720p');
    await form().getByLabel('Length').selectOption('6');
    await form().getByText('List price: 60 credits per clip').waitFor();
    const prompt = 'a paper boat on a stream at dawn';
    await form().getByLabel('Prompt').fill(prompt);
    await page.getByRole('button', { name: /^Make video/ }).click();

    const tile = tileFor(prompt);
    const thumb = tile.getByTestId('video-tile');
    await thumb.waitFor({ timeout: 30_000 });
    expect(await tile.getAttribute('data-status')).toBe('completed');
    expect([...veo.tasks.values()].at(-1)?.body).toEqual({
      prompt,
      model: 'veo3_fast',
      generationType: 'TEXT_2_VIDEO',
      aspectRatio: '16:9',
      duration: 6,
      resolution: '720p',
      enableTranslation: true,
    });
    // The fake's clip is 2 seconds long, whatever was asked: the badge tells what came.
    expect(await tile.getByTestId('duration-badge').textContent()).toBe('▶ 0:02');
    const poster = await thumb.getAttribute('poster');
    expect(poster).toMatch(/^\/files\/[0-9a-f]{64}\.thumb\.webp$/);
    const posterSize = await page.evaluate(async (src: string) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, poster ?? '');
    // No ffmpeg here: a neutral poster in the clip's 16:9 shape.
    expect(posterSize).toEqual([384, 216]);
    await page.screenshot({ path: `${outDir}kie-veo.png` });

    await tile.getByRole('button', { name: /Open video 1/ }).hover();
    await expect
      .poll(() => thumb.evaluate((v: HTMLVideoElement) => v.paused), { timeout: 10_000 })
      .toBe(false);
    await expect
      .poll(() => thumb.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.screenshot({ path: `${outDir}kie-veo-playing.png` });
    await page.mouse.move(0, 0);
    await expect.poll(() => thumb.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
    expect(await notReloaded()).toBe(42);
  });
});

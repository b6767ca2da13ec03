import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signedInPage } from './browser';
import { spawnServer, type RunningApp } from '@genhub/server/testing';

const outDir = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));

/** What a <video> says about itself. */
type VideoState = { paused: boolean; currentTime: number; readyState: number; duration: number };
const HAVE_METADATA = 1;
const HAVE_CURRENT_DATA = 2;
const stateOf = (video: HTMLVideoElement): VideoState => ({
  paused: video.paused,
  currentTime: video.currentTime,
  readyState: video.readyState,
  duration: video.duration,
});

describe('videos in the browser (local provider)', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    app = await spawnServer({ LOCAL_PROVIDER_DELAY_MS: '200', FFMPEG_PATH: 'off' });
    browser = await launchBrowser();
    page = await signedInPage(browser, app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('makes a clip, plays its tile on hover, and seeks in the lightbox player', async () => {
    const videoResponses: { status: number; range: string }[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.mp4'))
        videoResponses.push({
          status: response.status(),
          range: response.headers()['content-range'] ?? '',
        });
    });
    const form = page.getByTestId('generate-form');
    await page.getByRole('radio', { name: 'Text to video' }).click();
    // A video has no image format to choose.
    expect(await form.getByLabel('Format').count()).toBe(0);
    await form.getByLabel('Prompt').fill('a lighthouse at dusk');
    await form.getByLabel('Aspect ratio').selectOption('16:9');
    await form.getByLabel('Length').selectOption('4');
    await page.getByRole('button', { name: /^Make video/ }).click();

    const tile = page.getByTestId('task-tile').first();
    const thumb = tile.getByTestId('video-tile');
    await thumb.waitFor({ timeout: 30_000 });
    expect(await tile.getAttribute('data-status')).toBe('completed');
    expect(await tile.getByTestId('duration-badge').textContent()).toBe('▶ 0:04');
    expect(await thumb.getAttribute('poster')).toMatch(/^\/files\/[0-9a-f]{64}\.thumb\.webp$/);

    // Hovering plays it, muted, from the start.
    await tile.getByRole('button', { name: /Open video 1/ }).hover();
    await expect
      .poll(() => thumb.evaluate(stateOf), { timeout: 10_000 })
      .toMatchObject({ paused: false });
    await expect.poll(async () => (await thumb.evaluate(stateOf)).currentTime).toBeGreaterThan(0);
    expect(await thumb.evaluate((v: HTMLVideoElement) => v.muted)).toBe(true);
    await page.mouse.move(0, 0);
    await expect.poll(() => thumb.evaluate(stateOf)).toMatchObject({ paused: true });
    await page.screenshot({ path: `${outDir}video-tile.png` });

    await tile.getByRole('button', { name: /Open video 1/ }).click();
    const player = page.getByTestId('lightbox-video');
    await player.waitFor();
    await expect
      .poll(async () => (await player.evaluate(stateOf)).readyState, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(HAVE_METADATA);
    const before = await player.evaluate(stateOf);
    expect(before.duration).toBeCloseTo(4, 1);
    // Seek to 2.5 s: while it seeks the player has no frame there (HAVE_METADATA); once it
    // has seeked, it has one (HAVE_CURRENT_DATA or more).
    const seek = await player.evaluate(
      (video: HTMLVideoElement) =>
        new Promise<{ whileSeeking: number; seeked: number; currentTime: number }>((resolve) => {
          let whileSeeking = -1;
          video.addEventListener('seeking', () => (whileSeeking = video.readyState), {
            once: true,
          });
          video.addEventListener(
            'seeked',
            () =>
              resolve({ whileSeeking, seeked: video.readyState, currentTime: video.currentTime }),
            { once: true },
          );
          video.currentTime = 2.5;
        }),
    );
    expect(seek.currentTime).not.toBe(before.currentTime);
    expect(seek.currentTime).toBeCloseTo(2.5, 1);
    expect(seek.whileSeeking).toBeGreaterThanOrEqual(HAVE_METADATA);
    expect(seek.seeked).toBeGreaterThan(seek.whileSeeking);
    expect(seek.seeked).toBeGreaterThanOrEqual(HAVE_CURRENT_DATA);
    // The player's requests were answered with byte ranges.
    expect(videoResponses.length).toBeGreaterThan(0);
    expect(
      videoResponses.every((r) => r.status === 206 && /^bytes \d+-\d+\/\d+$/.test(r.range)),
    ).toBe(true);
    expect(await page.getByRole('dialog').getByText('0:04').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${outDir}video-lightbox.png` });
    await page.keyboard.press('Escape');
  });

  it('filters the gallery to videos', async () => {
    await page.getByRole('radio', { name: 'Text to image' }).click();
    await page.getByTestId('generate-form').getByLabel('Prompt').fill('a still image');
    const tiles = page.getByTestId('task-tile');
    const before = await tiles.count();
    await page.getByRole('button', { name: /Generate/ }).click();
    await expect.poll(() => tiles.count()).toBe(before + 1);
    await tiles.first().locator('img').first().waitFor({ timeout: 20_000 });

    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByLabel('Kind').selectOption('video');
    await expect.poll(() => page.url()).toMatch(/[?&]media=video/);
    await expect.poll(() => tiles.count()).toBe(1);
    expect(await tiles.first().getByTestId('video-tile').count()).toBe(1);
    await page.getByLabel('Kind').selectOption('image');
    await expect.poll(() => tiles.count()).toBe(1);
    expect(await tiles.first().getByTestId('video-tile').count()).toBe(0);
  });
});

import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import {
  fakeProviderEnv,
  startFakeFal,
  startFakeGemini,
  startFakeNanobanana,
  startFakeOpenRouter,
  startFakeReplicate,
} from '@genhub/server/fakes';
import { spawnServer, type RunningApp } from '@genhub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signedInPage } from './browser';

const outDir = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));
const replicateSecret = `whsec_${Buffer.from('e2e-replicate-secret').toString('base64')}`;

describe('every provider from the browser, against its fake', () => {
  let fakes: { close(): Promise<void> }[] = [];
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    const [openrouter, gemini, fal, replicate, nanobanana] = await Promise.all([
      startFakeOpenRouter(),
      startFakeGemini(),
      startFakeFal(),
      startFakeReplicate(replicateSecret),
      startFakeNanobanana(),
    ]);
    fal.state.pollsToFinish = 1;
    replicate.state.pollsToFinish = 1;
    fakes = [openrouter, gemini, fal, replicate, nanobanana];
    app = await spawnServer(fakeProviderEnv({ openrouter, gemini, fal, replicate, nanobanana }));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await Promise.all(fakes.map((f) => f.close()));
  });

  it.each([
    ['openrouter', 'OpenRouter'],
    ['gemini', 'Gemini API'],
    ['fal', 'fal.ai'],
    ['replicate', 'Replicate'],
    ['nanobanana', 'nanobanana API'],
  ])('generates through %s', async (provider, label) => {
    const page = await signedInPage(browser, app.url, { viewport: { width: 1280, height: 860 } });
    await page.locator('[role="status"][data-state="connected"]').waitFor();
    await page.getByTestId('generate-form').getByLabel('Provider').selectOption(provider);
    expect(
      await page
        .getByTestId('generate-form')
        .getByLabel('Provider')
        .locator('option:checked')
        .textContent(),
    ).toBe(label);
    await page
      .getByTestId('generate-form')
      .getByLabel('Prompt')
      .fill(`a lighthouse via ${provider}`);
    await page.getByRole('button', { name: /Generate/ }).click();
    const tile = page.getByTestId('task-tile').filter({ hasText: `a lighthouse via ${provider}` });
    await tile.locator('img').first().waitFor({ timeout: 30_000 });
    expect(await tile.getAttribute('data-status')).toBe('completed');
    if (provider === 'nanobanana') {
      // The fake answers 768×512 to a 1:1 request: the gallery says so.
      expect(await tile.getByTestId('task-warning').textContent()).toContain(
        'Asked for 1:1; the provider returned 768×512',
      );
    }
    await page.screenshot({ path: `${outDir}provider-${provider}.png` });
    await page.close();
  });
});

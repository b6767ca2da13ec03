import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { startFakeKie, type FakeKie } from '@genhub/server/fakes';
import { spawnServer, type RunningApp } from '@genhub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';

const outDir = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));

describe('KIE.ai from the browser, with a key and no public URL', () => {
  let kie: FakeKie;
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    kie = await startFakeKie();
    kie.behaviour.pollsToFinish = 1;
    app = await spawnServer({
      KIE_API_KEY: kie.apiKey,
      KIE_BASE_URL: kie.url,
      KIE_UPLOAD_BASE_URL: kie.uploadUrl,
      INGEST_ALLOW_HOSTS: new URL(kie.url).host,
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await kie?.close();
  });

  it('shows the balance, generates with Nano Banana and the image arrives live', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
    await page.goto(app.url);
    await page.getByTestId('balance-kie').getByText('KIE.ai: 100 credits').waitFor();
    await page.getByTestId('generate-form').getByLabel('Provider').selectOption('kie');
    expect(
      await page
        .getByTestId('generate-form')
        .getByLabel('Model')
        .locator('option')
        .allTextContents(),
    ).toEqual(['Nano Banana (KIE.ai)', 'Nano Banana Pro (KIE.ai)', 'Nano Banana 2 (KIE.ai)']);
    await page.getByTestId('generate-form').getByLabel('Prompt').fill('a banana on the moon');
    await page.getByRole('button', { name: /Generate/ }).click();
    const tile = page.getByTestId('task-tile').first();
    await tile.locator('img').waitFor({ timeout: 20_000 });
    expect(await tile.getAttribute('data-status')).toBe('completed');
    expect([...kie.tasks.values()].at(-1)?.input).toMatchObject({ prompt: 'a banana on the moon' });
    await page.screenshot({ path: `${outDir}kie.png` });
  });
});

import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { Browser, Page } from 'playwright-core';
import type { AppRouter } from '@genhub/api';
import { fakeProviderEnv, startFakeGemini, startFakeOpenRouter } from '@genhub/server/fakes';
import { spawnServer, type RunningApp } from '@genhub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signedInPage } from './browser';

const outDir = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));

/** A script's client: tRPC over plain HTTP with an API key, as another service would call. */
const scriptClient = (url: string, key: string) =>
  createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${url}/trpc`, headers: { authorization: `Bearer ${key}` } })],
  });

async function openSettings(page: Page, section: string) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await page
    .getByRole('navigation', { name: 'Settings' })
    .getByRole('link', { name: section })
    .click();
  await page.getByRole('heading', { name: section, level: 2 }).waitFor();
}

describe('settings in the browser', () => {
  let fakes: { close(): Promise<void> }[] = [];
  let gemini: Awaited<ReturnType<typeof startFakeGemini>>;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    const openrouter = await startFakeOpenRouter();
    gemini = await startFakeGemini();
    fakes = [openrouter, gemini];
    // OpenRouter's key comes from the environment; Gemini's is to be set on the page.
    app = await spawnServer({
      ...fakeProviderEnv({ openrouter }),
      GEMINI_BASE_URL: gemini.url,
      LOCAL_PROVIDER_DELAY_MS: '300',
    });
    browser = await launchBrowser();
    page = await signedInPage(browser, app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await Promise.all(fakes.map((f) => f.close()));
  });

  it('creates an API key, shown once, that a Node client uses to make a task', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: app.url,
    });
    await openSettings(page, 'API keys');
    const form = page.getByTestId('create-key-form');
    await form.getByLabel('Name').fill('e2e script');
    await form.getByLabel('Expires').selectOption('never');
    expect(await form.getByRole('checkbox', { name: /Read/ }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: /Generate/ }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: /Admin/ }).isChecked()).toBe(false);
    await form.getByRole('button', { name: 'Create key' }).click();

    const notice = page.getByTestId('new-api-key');
    const key = await notice.getByLabel('The new API key').inputValue();
    expect(key).toMatch(/^gh_/);
    expect(await notice.getByRole('alert').textContent()).toContain('shown only this once');
    await notice.getByRole('button', { name: 'Copy' }).click();
    await notice.getByRole('button', { name: 'Copied', exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await page.screenshot({ path: `${outDir}settings-new-key.png` });
    await notice.getByRole('button', { name: 'I have copied it' }).click();

    const row = page.getByTestId('api-key-row').filter({ hasText: 'e2e script' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Read, Generate');
    expect(await row.textContent()).toContain('Never');
    expect(await row.textContent()).toContain('Not yet');
    // Shown once: nowhere on the page now, nor after a reload.
    expect(await page.content()).not.toContain(key);
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(key);
    await page.screenshot({ path: `${outDir}settings-keys.png` });

    const client = scriptClient(app.url, key);
    const viewer = await client.auth.viewer.query();
    expect(viewer).toMatchObject({ via: 'key', scopes: ['read', 'generate'] });
    expect(viewer?.user.email).toBe(app.admin?.email);
    await client.task.create.mutate({ prompt: 'drawn for a script with a key', provider: 'local' });

    await page.getByRole('link', { name: 'Studio' }).click();
    const tile = page.getByTestId('task-tile').filter({ hasText: 'drawn for a script with a key' });
    await tile.locator('img').first().waitFor({ timeout: 20_000 });

    await openSettings(page, 'API keys');
    await expect.poll(() => row.textContent()).not.toContain('Not yet');

    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('button', { name: 'Revoke key' }).click();
    await row.waitFor({ state: 'detached' });
    const refused = await client.task.create
      .mutate({ prompt: 'after the key was revoked', provider: 'local' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCClientError);
    expect(refused).toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });

  it('sets a provider key on the page, after which the provider can be chosen', async () => {
    await page.getByRole('link', { name: 'Studio' }).click();
    const provider = page.getByTestId('generate-form').getByLabel('Provider');
    expect(await provider.locator('option[value="gemini"]').isDisabled()).toBe(true);
    const hint = page.getByTestId('missing-provider-keys');
    expect(await hint.textContent()).toContain('Gemini API');
    await hint.getByRole('link', { name: 'Set provider keys' }).click();
    expect(new URL(page.url()).hash).toBe('#/settings/providers');

    await page.getByText('An environment variable of the same name takes precedence').waitFor();
    const fromEnv = page.locator('[data-testid="provider-key"][data-name="OPENROUTER_API_KEY"]');
    expect(await fromEnv.getAttribute('data-source')).toBe('env');
    expect(await fromEnv.textContent()).toContain('from environment (takes precedence)');
    expect(await fromEnv.textContent()).toContain('••••test'); // the last 4 of sk-or-test
    expect(await fromEnv.getByRole('button').count()).toBe(0);

    const entry = page.locator('[data-testid="provider-key"][data-name="GEMINI_API_KEY"]');
    expect(await entry.textContent()).toContain('not set');
    await entry.getByRole('button', { name: 'Set key' }).click();
    await entry.getByLabel('Value of GEMINI_API_KEY').fill(gemini.state.apiKey);
    await entry.getByRole('button', { name: 'Save key' }).click();
    await expect.poll(() => entry.getAttribute('data-source')).toBe('settings');
    expect(await entry.textContent()).toContain('set here');
    expect(await entry.textContent()).toContain(`••••${gemini.state.apiKey.slice(-4)}`);
    expect(await page.content()).not.toContain(gemini.state.apiKey);
    await page.screenshot({ path: `${outDir}settings-providers.png`, fullPage: true });

    await page.getByRole('link', { name: 'Studio' }).click();
    await expect.poll(() => provider.locator('option[value="gemini"]').isDisabled()).toBe(false);
    await provider.selectOption('gemini');
    await page
      .getByTestId('generate-form')
      .getByLabel('Prompt')
      .fill('a lighthouse via a key set at runtime');
    await page.getByRole('button', { name: /Generate/ }).click();
    const tile = page
      .getByTestId('task-tile')
      .filter({ hasText: 'a lighthouse via a key set at runtime' });
    await tile.locator('img').first().waitFor({ timeout: 20_000 });
    expect(await tile.getAttribute('data-status')).toBe('completed');

    await openSettings(page, 'Provider keys');
    await entry.getByRole('button', { name: 'Clear' }).click();
    await entry.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => entry.getAttribute('data-source')).toBe('none');
    await page.getByRole('link', { name: 'Studio' }).click();
    await expect.poll(() => provider.locator('option[value="gemini"]').isDisabled()).toBe(true);
  });

  it("sets the admin's own quota, shown on the usage page", async () => {
    await openSettings(page, 'Users');
    const row = page.locator(`[data-testid="user-row"][data-email="${app.admin?.email}"]`);
    await row.getByRole('button', { name: 'Set quota' }).click();
    const form = page.getByRole('form', { name: `Monthly quota of ${app.admin?.email}` });
    await form.getByLabel('Unit').fill('credits');
    await form.getByLabel('Monthly limit').fill('100');
    await form.getByRole('button', { name: 'Save quota' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await row.textContent()).toContain('100 credits a month');

    await page.getByRole('link', { name: 'Usage' }).click();
    const quota = page.getByTestId('usage-quota');
    expect(await quota.locator('p').first().textContent()).toBe(
      'Your quota: 0 credits of 100 credits this month',
    );
    await page.screenshot({ path: `${outDir}usage-quota.png` });
  });

  it("sets a user's own limits on the Users page, shown in the row after a reload", async () => {
    await openSettings(page, 'Users');
    const row = page.locator(`[data-testid="user-row"][data-email="${app.admin?.email}"]`);
    expect(await row.textContent()).toContain('Tasks a minute: Server default');
    await row.getByRole('button', { name: 'Set limits' }).click();
    const form = page.getByRole('form', { name: `Limits of ${app.admin?.email}` });
    const rate = form.getByLabel('Tasks a minute');
    await rate.fill('0');
    await rate.blur();
    await form.getByText('Use a whole number from 1 to 10000').waitFor();
    await rate.fill('120');
    await form.getByLabel('Largest upload (MB)').fill('5');
    await form.getByRole('button', { name: 'Save limits' }).click();
    await form.waitFor({ state: 'detached' });
    await page.reload();
    await row.waitFor();
    expect(await row.textContent()).toContain('Tasks a minute: 120');
    expect(await row.textContent()).toContain('Largest upload (MB): 5');
  });

  it('shows the audit log, a page at a time, by kind', async () => {
    await openSettings(page, 'Audit log');
    const rows = page.getByTestId('audit-row');
    await rows.first().waitFor();
    const kinds = await rows.evaluateAll((list) => list.map((r) => r.getAttribute('data-kind')));
    expect(kinds).toEqual(
      expect.arrayContaining(['key-created', 'key-revoked', 'settings-changed', 'quota-changed']),
    );
    await page.getByLabel('Event').selectOption('key-created');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await expect
      .poll(() => rows.evaluateAll((list) => list.map((r) => r.getAttribute('data-kind'))))
      .toEqual(expect.not.arrayContaining(['key-revoked']));
    expect(await page.getByRole('button', { name: 'Older' }).isDisabled()).toBe(true);
    await page.screenshot({ path: `${outDir}settings-audit.png` });

    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('heading', { name: '审计日志', level: 2 }).waitFor();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('link', { name: '服务商密钥' }).click();
    await page.getByText('来自环境变量（优先）').waitFor();
    await page.screenshot({ path: `${outDir}settings-providers-zh-dark.png` });
  });
});

import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { spawnServer, type RunningApp } from '@genhub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eAdmin, launchBrowser, type E2eAccount } from './browser';

const outDir = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));
const viewport = { width: 1280, height: 900 };
const member: E2eAccount = {
  email: 'bo@genhub.test',
  password: 'a second long password',
  name: 'Bo Member',
};

const connected = (page: Page) =>
  page.locator('[role="status"][data-state="connected"]').waitFor({ timeout: 15_000 });

/** Generates one local image from the studio and waits for its tile to show it. */
async function generate(page: Page, prompt: string) {
  await page.getByTestId('generate-form').getByLabel('Prompt').fill(prompt);
  await page.getByRole('button', { name: /Generate/ }).click();
  const tile = page.getByTestId('task-tile').filter({ hasText: prompt });
  await tile.locator('img').first().waitFor({ timeout: 20_000 });
  expect(await tile.getAttribute('data-status')).toBe('completed');
}

/** Signs in through the sign-in screen. */
async function signInThroughForm(page: Page, account: E2eAccount, password = account.password) {
  const form = page.getByTestId('sign-in');
  await form.getByLabel('Email').fill(account.email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

describe('accounts in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let admin: Page;
  let bo: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    app = await spawnServer({ LOCAL_PROVIDER_DELAY_MS: '300' }, [], { signedIn: false });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('asks a fresh server for its admin, then opens the studio', async () => {
    admin = await browser.newPage({ viewport, locale: 'en-US' });
    admin.on('pageerror', (e) => pageErrors.push(e.message));
    await admin.goto(app.url);
    const form = admin.getByTestId('onboarding');
    await form.getByRole('heading', { name: 'Create the admin account' }).waitFor();
    expect(await admin.getByTestId('generate-form').count()).toBe(0);

    // Each problem shows in plain words beside its field, once the field is left.
    await form.getByLabel('Email').fill('ada');
    await form.getByLabel('Name').focus();
    await form.getByText('This does not look like an email address.').waitFor();
    await form.getByLabel('Email').fill(e2eAdmin.email);
    await form.getByLabel('Name').fill(e2eAdmin.name);
    await form.getByLabel('Password', { exact: true }).fill('short');
    await form.getByLabel('Repeat the password').fill('something else');
    await form.getByLabel('Email').focus();
    await form.getByText('Use at least 8 characters.').waitFor();
    await form.getByText('The two passwords are not the same.').waitFor();
    await admin.screenshot({ path: `${outDir}onboarding.png` });

    await form.getByLabel('Password', { exact: true }).fill(e2eAdmin.password);
    await form.getByLabel('Repeat the password').fill(e2eAdmin.password);
    await form.getByRole('button', { name: 'Create the admin account' }).click();
    await admin.getByTestId('generate-form').waitFor();
    await connected(admin);
    expect(await admin.getByTestId('user-menu').textContent()).toContain(e2eAdmin.name);
    expect(await (await fetch(`${app.url}/api/setup`)).json()).toEqual({ needsAdmin: false });
    await admin.screenshot({ path: `${outDir}studio-signed-in.png` });
  });

  it('signs out, refuses a wrong password in plain words, and signs in again', async () => {
    await admin.getByTestId('user-menu').click();
    await admin.getByRole('menuitem', { name: 'Sign out' }).click();
    const form = admin.getByTestId('sign-in');
    await form.waitFor();
    expect(await admin.getByTestId('generate-form').count()).toBe(0);
    // The cookie is gone: a reload still asks to sign in.
    await admin.reload();
    await form.waitFor();
    await admin.screenshot({ path: `${outDir}sign-in.png` });

    await signInThroughForm(admin, e2eAdmin, 'not the password');
    expect(await form.getByRole('alert').textContent()).toBe(
      'The email or the password is wrong, or the account is disabled (ask an admin).',
    );
    await admin.screenshot({ path: `${outDir}sign-in-wrong-password.png` });

    await signInThroughForm(admin, e2eAdmin);
    await admin.getByTestId('generate-form').waitFor();
    await connected(admin);
    // The session survives a reload.
    await admin.reload();
    await admin.getByTestId('generate-form').waitFor();
    await connected(admin);
  });

  it('lets the admin add a second user on the Users page', async () => {
    await admin.getByTestId('user-menu').click();
    await admin.getByRole('menuitem', { name: 'Settings' }).click();
    await admin.getByRole('heading', { name: 'API keys', level: 2 }).waitFor();
    await admin.getByRole('link', { name: 'Users' }).click();
    expect(new URL(admin.url()).hash).toBe('#/settings/users');
    await admin.getByTestId('user-row').first().waitFor();
    expect(await admin.getByTestId('user-row').count()).toBe(1);

    const form = admin.getByTestId('create-user-form');
    await form.getByLabel('Email').fill(member.email);
    await form.getByLabel('Name').fill(member.name);
    await form.getByLabel('First password').fill(member.password);
    await form.getByLabel('Role').selectOption('member');
    await form.getByRole('button', { name: 'Add person' }).click();
    await form.getByText(`${member.email} can sign in now.`).waitFor();
    const row = admin.locator(`[data-testid="user-row"][data-email="${member.email}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(member.name);
    expect(await row.getByRole('combobox').inputValue()).toBe('member');
    await admin.screenshot({ path: `${outDir}settings-users.png`, fullPage: true });
  });

  it("keeps the second user out of the first user's gallery and live events", async () => {
    bo = await browser.newPage({ viewport, locale: 'en-US' });
    bo.on('pageerror', (e) => pageErrors.push(e.message));
    await bo.goto(app.url);
    await signInThroughForm(bo, member);
    await bo.getByTestId('generate-form').waitFor();
    await connected(bo);
    expect(await bo.getByTestId('user-menu').textContent()).toContain(member.name);
    await bo.getByText('Nothing yet. Write a prompt and press Generate.').waitFor();
    // A member is sent to an admin for provider keys, and sees no admin settings.
    expect(await bo.getByTestId('missing-provider-keys').textContent()).toContain(
      'Ask an admin to set their keys.',
    );
    await bo.goto(`${app.url}/#/settings/users`);
    await bo.getByRole('heading', { name: 'API keys', level: 2 }).waitFor();
    expect(await bo.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await bo.goto(`${app.url}/#/`);
    await connected(bo);

    await admin.goto(`${app.url}/#/`);
    await connected(admin);
    await generate(admin, "Ada's private lighthouse");
    // Bo's own task comes after Ada's on the same live connection: had Ada's events reached
    // Bo, they would be on the page before it.
    await generate(bo, "Bo's own windmill");
    const boTiles = bo.getByTestId('task-tile');
    expect(await boTiles.count()).toBe(1);
    expect(await boTiles.first().textContent()).toContain("Bo's own windmill");
    expect(await admin.getByTestId('task-tile').filter({ hasText: 'windmill' }).count()).toBe(0);
    await bo.screenshot({ path: `${outDir}second-user-gallery.png` });

    // Nor does the list show it after a reload.
    await bo.reload();
    await connected(bo);
    await boTiles.first().waitFor();
    expect(await boTiles.count()).toBe(1);
  });

  it('sends a user whose session stops working back to sign-in, in place', async () => {
    await admin.goto(`${app.url}/#/settings/users`);
    const row = admin.locator(`[data-testid="user-row"][data-email="${member.email}"]`);
    await row.getByRole('button', { name: 'Disable' }).click();
    await row.getByRole('group').getByRole('button', { name: 'Disable' }).click();
    await row.getByText('Disabled').waitFor();

    // Bo's next call is refused for want of a session: the page shows sign-in, without a reload.
    await bo.evaluate(() => {
      (window as unknown as { marker: number }).marker = 7;
      window.location.hash = '#/settings/keys';
    });
    await bo.getByTestId('sign-in').waitFor();
    expect(await bo.getByTestId('task-tile').count()).toBe(0);
    expect(await bo.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
    await signInThroughForm(bo, member);
    expect(await bo.getByTestId('sign-in').getByRole('alert').textContent()).toBe(
      'The email or the password is wrong, or the account is disabled (ask an admin).',
    );
    expect(await bo.getByTestId('generate-form').count()).toBe(0);

    await row.getByRole('button', { name: 'Enable' }).click();
    await row.getByText('Active').waitFor();
    await signInThroughForm(bo, member);
    await bo.getByRole('heading', { name: 'API keys', level: 2 }).waitFor();
    await connected(bo);
    await bo.close();
    expect(pageErrors).toEqual([]);
  });
});

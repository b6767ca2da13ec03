import { chromium, type Browser, type Page } from 'playwright-core';
import { testAdmin } from '@genhub/server/testing';

/** Debian's Chromium, headless, with nothing that reaches beyond this machine. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface E2eAccount {
  email: string;
  password: string;
  name: string;
}

/**
 * The first admin: the one `spawnServer` creates, and the one `signedInPage` creates by
 * onboarding on a server started `signedIn: false`.
 */
export const e2eAdmin: E2eAccount = { ...testAdmin, name: 'Ada Admin' };

/**
 * Signs the page's browser context in as `account`: onboarding creates it as the admin when
 * the server has no user yet, else it signs in. The session cookie lands in the context.
 */
export async function signInContext(page: Page, url: string, account: E2eAccount): Promise<void> {
  const setup = await page.request.get(`${url}/api/setup`);
  const body: unknown = await setup.json();
  const needsAdmin =
    typeof body === 'object' && body !== null && 'needsAdmin' in body && body.needsAdmin === true;
  const headers = { origin: url };
  const res = needsAdmin
    ? await page.request.post(`${url}/api/setup`, { data: account, headers })
    : await page.request.post(`${url}/api/auth/sign-in/email`, {
        data: { email: account.email, password: account.password },
        headers,
      });
  if (!res.ok()) {
    throw new Error(
      `could not sign in as ${account.email}: HTTP ${res.status()} ${await res.text()}`,
    );
  }
}

/**
 * A desktop-sized English page on the app, in a browser context of its own, signed in as
 * `account` (by default the e2e admin: spawnServer's, or made by onboarding on a server started
 * `signedIn: false`), once its live connection is up.
 */
export async function signedInPage(
  browser: Browser,
  url: string,
  options: { account?: E2eAccount; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const page = await browser.newPage({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'en-US',
  });
  await signInContext(page, url, options.account ?? e2eAdmin);
  await page.goto(url);
  await page.locator('[role="status"][data-state="connected"]').waitFor();
  return page;
}

import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RunningApp } from '@genhub/server/testing';
import { e2eAdmin, signInContext } from './browser';

export { seriousViolations } from './axe';

/** A task made through the API, as another service would; returns its id. */
export async function createTask(app: RunningApp, input: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${app.url}/trpc/task.create`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.key ?? ''}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { data: { id: string } } }).result.data.id;
}

/** A 390×844 touch phone, signed in, on the studio once its live connection is up. */
export async function phonePage(
  browser: Browser,
  app: RunningApp,
  options: { locale?: string; colorScheme?: 'light' | 'dark' } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 2,
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  await signInContext(page, app.url, e2eAdmin);
  await page.goto(app.url);
  await page.locator('[role="status"][data-state="connected"]').waitFor();
  return { context, page };
}

/** Whether some of `locator` (its top `part` pixels at least) is on screen. */
export async function inViewport(page: Page, locator: Locator, part = 80): Promise<boolean> {
  const box = await locator.boundingBox();
  const view = page.viewportSize();
  if (!box || !view) return false;
  return box.y >= 0 && box.y + Math.min(box.height, part) <= view.height;
}

/** How far the page is wider than its viewport (0 when nothing overflows). */
export const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

import { mkdirSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { spawnServer, type RunningApp } from '@genhub/server/testing';
import { until } from '@genhub/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signedInPage } from './browser';

const outDir = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));

/** A receiver on 127.0.0.1 that keeps what it is sent and answers 200. */
async function startReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('webhooks in the browser', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    receiver = await startReceiver();
    app = await spawnServer({ WEBHOOK_ALLOW_HOSTS: receiver.host, LOCAL_PROVIDER_DELAY_MS: '0' });
    browser = await launchBrowser();
    page = await signedInPage(browser, app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await receiver?.close();
  });

  it('adds an endpoint, shows its secret once, sends a test and sends it again from the log', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Webhooks' })
      .click();
    await page.getByRole('heading', { name: 'Webhooks', level: 2 }).waitFor();

    const form = page.getByTestId('webhook-endpoint-form');
    await form.getByLabel('URL').fill(`${receiver.url}/hook`);
    await form.getByLabel('Description').fill('e2e receiver');
    await form.getByRole('checkbox', { name: /Task failed/ }).check();
    await form.getByRole('button', { name: 'Add endpoint' }).click();

    const notice = page.getByTestId('webhook-secret');
    const secret = await notice.getByLabel('The signing secret').inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(await notice.getByRole('alert').textContent()).toContain('shown only this once');
    await notice.getByRole('button', { name: 'I have copied it' }).click();
    await expect.poll(() => page.getByTestId('webhook-secret').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    const row = page.getByTestId('webhook-endpoint-row').filter({ hasText: 'e2e receiver' });
    expect(await row.textContent()).toContain('Task completed, Task failed');
    await row.getByRole('button', { name: 'Send test' }).click();
    await row.getByRole('status').filter({ hasText: 'Test event sent' }).waitFor();
    await until(() => receiver.received.length === 1, 15_000, 'the test event');
    const [first] = receiver.received;
    expect(JSON.parse(first?.body ?? '{}')).toMatchObject({ type: 'webhook.test' });
    expect(first?.headers['webhook-signature']).toMatch(/^v1,/);

    const log = page.getByTestId('webhook-deliveries');
    const refresh = page.getByRole('button', { name: 'Refresh' });
    const delivered = log.locator('[data-testid="webhook-delivery-row"][data-status="delivered"]');
    await expect
      .poll(async () => {
        await refresh.click();
        return delivered.count();
      })
      .toBe(1);
    expect(await delivered.first().textContent()).toContain('200');
    await page.screenshot({ path: `${outDir}webhooks-log.png`, fullPage: true });

    await delivered.first().getByRole('button', { name: 'Send again' }).click();
    await until(() => receiver.received.length === 2, 15_000, 'the redelivery');
    expect(receiver.received[1]?.headers['webhook-id']).toBe(first?.headers['webhook-id']);
    await expect
      .poll(async () => {
        await refresh.click();
        return delivered.count();
      })
      .toBe(2);

    // Rotating shows the new secret once; deleting removes the endpoint and its log.
    await row.getByRole('button', { name: 'Rotate secret' }).click();
    await row.getByRole('button', { name: 'Rotate', exact: true }).click();
    const rotated = await page
      .getByTestId('webhook-secret')
      .getByLabel('The signing secret')
      .inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await row.getByRole('button', { name: 'Delete' }).click();
    await row.getByRole('button', { name: 'Delete endpoint' }).click();
    await page.getByText('No endpoints yet.').waitFor();
  });
});

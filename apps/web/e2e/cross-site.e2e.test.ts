import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { Browser } from 'playwright-core';
import type { AppRouter } from '@genhub/api';
import { spawnServer, type RunningApp } from '@genhub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eAdmin, launchBrowser, signedInPage, signInContext } from './browser';

/** Another origin on this machine: an empty page the attack runs in. */
async function serveElsewhere(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><title>elsewhere</title>'),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

interface AttackReport {
  /** What the page saw of its WebSocket, in order: open, message, error, close <code>. */
  socket: string[];
}

/**
 * What the issue saw work: simple requests that need no preflight (FormData, text/plain),
 * one that does, and a WebSocket that subscribes to every task event and sends mutations.
 * Runs in the page, so the browser adds the Origin and Sec-Fetch-Site it always adds.
 */
async function attack(app: string): Promise<AttackReport> {
  const post = (path: string, init: RequestInit) =>
    fetch(`${app}/trpc/${path}`, { method: 'POST', mode: 'no-cors', ...init }).catch(() => null);
  await post('generation.emptyTrash', { body: new FormData() });
  await post('queue.pause', { body: new FormData() });
  await post('queue.retryFailed', { body: new FormData() });
  await post('task.create', {
    headers: { 'content-type': 'text/plain' },
    body: JSON.stringify({ prompt: 'planted by text/plain', maxAttempts: 1 }),
  });
  // Needs a preflight, which gets no CORS headers: the browser should not send it.
  await fetch(`${app}/trpc/queue.pause`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  }).catch(() => null);

  const socket = await new Promise<string[]>((resolve) => {
    const seen: string[] = [];
    const ws = new WebSocket(`${app.replace(/^http/, 'ws')}/trpc`);
    ws.onopen = () => {
      seen.push('open');
      const send = (id: number, method: string, path: string, input: unknown) =>
        ws.send(JSON.stringify({ id, method, params: { path, input } }));
      send(1, 'subscription', 'task.events', {});
      send(2, 'mutation', 'queue.pause', {});
      send(3, 'mutation', 'task.create', { prompt: 'planted over a WebSocket', maxAttempts: 1 });
    };
    ws.onmessage = (event) => {
      seen.push('message');
      if ((JSON.parse(String(event.data)) as { id?: unknown }).id === 3) ws.close();
    };
    ws.onerror = () => seen.push('error');
    ws.onclose = (event) => {
      seen.push(`close ${event.code}`);
      resolve(seen);
    };
  });
  return { socket };
}

describe('a page on another origin, in Chromium', () => {
  let browser: Browser;
  let elsewhere: Awaited<ReturnType<typeof serveElsewhere>>;
  const apps: RunningApp[] = [];

  /** A server with one failed task and one in the trash, and a client that sends no Origin. */
  async function start(env: Record<string, string> = {}) {
    const app = await spawnServer({
      LOCAL_PROVIDER_DELAY_MS: '0',
      LOCAL_PROVIDER_FAILURE_RATE: '1',
      ...env,
    });
    apps.push(app);
    const headers = { authorization: `Bearer ${app.key ?? ''}` };
    const api = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${app.url}/trpc`, headers })],
    });
    const failed = await api.task.create.mutate({ prompt: 'failed', maxAttempts: 1 });
    const trashed = await api.task.create.mutate({ prompt: 'trashed', maxAttempts: 1 });
    await expect
      .poll(async () => (await api.queue.status.query()).counts.find((c) => c.status === 'failed'))
      .toMatchObject({ count: 2 });
    await api.generation.delete.mutate({ ids: [trashed.id] });
    const state = async () => ({
      paused: (await api.queue.status.query()).paused.all,
      tasks: (await api.task.list.query({})).items.map((t) => t.prompt).sort(),
      trash: (await api.generation.list.query({ trash: true })).items.map((t) => t.prompt),
    });
    expect(await state()).toEqual({ paused: false, tasks: [failed.prompt], trash: ['trashed'] });
    return { app, api, state };
  }

  /** The attack, from the other origin, against the app by the name `localhost`. */
  async function runAttack(app: RunningApp): Promise<AttackReport> {
    const page = await browser.newPage();
    const victim = app.url.replace('127.0.0.1', 'localhost');
    try {
      // The user is signed in to genhub in this browser while the other site runs.
      await signInContext(page, victim, e2eAdmin);
      await page.goto(elsewhere.url);
      return await page.evaluate(attack, victim);
    } finally {
      await page.close();
    }
  }

  beforeAll(async () => {
    elsewhere = await serveElsewhere();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(apps.map((app) => app.stop()));
    await new Promise((resolve) => elsewhere?.server.close(resolve));
  });

  it('changes nothing over HTTP or a WebSocket, whose handshake is refused', async () => {
    const { app, state } = await start();
    const report = await runAttack(app);
    expect(await state()).toEqual({ paused: false, tasks: ['failed'], trash: ['trashed'] });
    expect(report.socket).not.toContain('open');
    expect(report.socket).toContain('error');
    expect(report.socket.at(-1)).toBe('close 1006');
  });

  it('leaves the app itself working in the same browser', async () => {
    const { app, state } = await start();
    const page = await signedInPage(browser, app.url);
    await page.getByRole('button', { name: 'Pause queue' }).click();
    await page.getByRole('button', { name: 'Resume queue' }).waitFor();
    expect((await state()).paused).toBe(true);
    await page.close();
  });

  it('is what stops the socket: with the page listed in ALLOWED_ORIGINS it gets in, yet acts as no one', async () => {
    const { app, state } = await start({ ALLOWED_ORIGINS: new URL(elsewhere.url).origin });
    const report = await runAttack(app);
    expect(report.socket.slice(0, 2)).toEqual(['open', 'message']);
    // The session cookie is SameSite=Lax: a socket from another site carries none, so its
    // calls are refused as signed out, and FormData is still refused by the edge guard.
    expect(await state()).toEqual({ paused: false, tasks: ['failed'], trash: ['trashed'] });
  });
});

import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { httpClientWith, sessionCookie, setup, signIn } from './auth-clients';
import { createCollection, createTask, createTaskInput } from '@genhub/core';
import { connectClient, startTestServer, type TestServer } from './test-server';

const admin = { email: 'Ada@Example.com', password: 'correct horse battery', name: 'Ada' };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('onboarding', () => {
  it('creates the first admin once, signs them in, and gives them what was made before', async () => {
    server = await startTestServer({}, { signedIn: false });
    const { core } = server.app;
    const { db, t } = core.data;
    // What a server made before it had accounts: rows with no owner.
    const before = await createTask(
      core,
      createTaskInput.parse({ prompt: 'made before accounts' }),
    );
    await createCollection(core, 'Old board');
    // Until an admin exists, only onboarding answers.
    const { client, ws } = connectClient(server.url);
    await expect(client.task.list.query({})).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
    await ws.close();

    expect(await (await fetch(`${server.url}/api/setup`)).json()).toEqual({ needsAdmin: true });
    const res = await setup(server.url, admin);
    expect(res.status).toBe(201);
    const { user } = (await res.json()) as { user: { id: string; email: string; role: string } };
    expect(user).toMatchObject({ email: 'ada@example.com', role: 'admin' });
    const cookie = res.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);

    const viewer = await httpClientWith(server.url, {
      cookie: sessionCookie(res),
    }).auth.viewer.query();
    expect(viewer).toMatchObject({ via: 'session', user: { id: user.id, role: 'admin' } });
    expect(viewer?.scopes).toEqual(['read', 'generate', 'admin']);

    const [task] = await db.select().from(t.tasks).where(eq(t.tasks.id, before.id));
    expect(task?.owner).toBe(user.id);
    const [collection] = await db.select().from(t.collections);
    expect(collection?.owner).toBe(user.id);

    expect(await (await fetch(`${server.url}/api/setup`)).json()).toEqual({ needsAdmin: false });
    const again = await setup(server.url, { ...admin, email: 'mallory@example.com' });
    expect(again.status).toBe(409);
    expect(again.headers.getSetCookie()).toEqual([]);
    expect(await db.select().from(t.users)).toHaveLength(1);
  });

  it('lets only one of two racing requests become the first admin', async () => {
    server = await startTestServer({}, { signedIn: false });
    const url = server.url;
    const answers = await Promise.all(
      ['one@example.com', 'two@example.com'].map((email) => setup(url, { ...admin, email })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const { db, t } = server.app.core.data;
    expect(await db.select().from(t.users)).toHaveLength(1);
  });

  it('refuses a bad body and a cross-site request', async () => {
    server = await startTestServer({}, { signedIn: false });
    const bad = await setup(server.url, { ...admin, password: 'short' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    const crossSite = await fetch(`${server.url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify(admin),
    });
    expect(crossSite.status).toBe(403);
    expect(await (await fetch(`${server.url}/api/setup`)).json()).toEqual({ needsAdmin: true });
  });
});

describe('sign-in', () => {
  it('sets an HTTP-only SameSite=Lax cookie that is not Secure over plain http', async () => {
    server = await startTestServer({}, { signedIn: false });
    await setup(server.url, admin);
    const res = await signIn(server.url, admin.email, admin.password);
    expect(res.status).toBe(200);
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^genhub\.session_token=/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/; Secure/);
    const { db, t } = server.app.core.data;
    const signedIn = await db
      .select()
      .from(t.auditEvents)
      .where(eq(t.auditEvents.kind, 'sign-in'))
      .orderBy(t.auditEvents.at);
    expect(signedIn.at(-1)).toMatchObject({ subject: 'ada@example.com', ip: '127.0.0.1' });
  });

  it('makes the cookie Secure when PUBLIC_BASE_URL is https', async () => {
    server = await startTestServer(
      { PUBLIC_BASE_URL: 'https://genhub.example' },
      { signedIn: false },
    );
    const res = await setup(server.url, admin);
    expect(res.status).toBe(201);
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^__Secure-genhub\.session_token=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
  });

  it('refuses a wrong password and writes an audit event', async () => {
    server = await startTestServer({}, { signedIn: false });
    await setup(server.url, admin);
    const res = await signIn(server.url, admin.email, 'not the password');
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie()).toEqual([]);
    const { db, t } = server.app.core.data;
    const failed = await db
      .select()
      .from(t.auditEvents)
      .where(eq(t.auditEvents.kind, 'sign-in-failed'));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ subject: 'ada@example.com', ip: '127.0.0.1', actorId: null });
    expect(JSON.stringify(failed)).not.toContain('not the password');
  });

  it('is not open to the public: sign-up is refused', async () => {
    server = await startTestServer({}, { signedIn: false });
    await setup(server.url, admin);
    const res = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: 'eve@example.com', password: 'let me in please', name: 'Eve' }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.headers.getSetCookie()).toEqual([]);
    const { db, t } = server.app.core.data;
    expect((await db.select().from(t.users)).map((u) => u.email)).toEqual(['ada@example.com']);
  });

  it('gives a disabled user no session and resolves their old cookie to no one', async () => {
    server = await startTestServer({}, { signedIn: false });
    const first = await setup(server.url, admin);
    const cookie = sessionCookie(first);
    const { db, t } = server.app.core.data;
    await db.update(t.users).set({ disabled: true });
    expect(await httpClientWith(server.url, { cookie }).auth.viewer.query()).toBeNull();
    const res = await signIn(server.url, admin.email, admin.password);
    expect(res.status).not.toBe(200);
    expect(res.headers.getSetCookie()).toEqual([]);
    // The right password gets the same answer as a wrong one: it does not confirm the password.
    const wrong = await signIn(server.url, admin.email, 'not the password at all');
    expect({ status: res.status, body: await res.json() }).toEqual({
      status: wrong.status,
      body: await wrong.json(),
    });
  });

  it('closes the routes that would check a password or edit a profile past the app', async () => {
    server = await startTestServer({ RATE_LIMIT_SIGN_IN: '3' }, { signedIn: false });
    const cookie = sessionCookie(await setup(server.url, admin));
    const post = (path: string, body: unknown) =>
      fetch(`${server?.url}/api/auth/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server?.url ?? '', cookie },
        body: JSON.stringify(body),
      });
    expect((await post('verify-password', { password: admin.password })).status).toBe(404);
    expect((await post('update-user', { name: 'x'.repeat(500) })).status).toBe(404);
    // Guessing the password through change-password counts against the sign-in limit.
    const guess = () =>
      post('change-password', { currentPassword: 'a guess at it', newPassword: 'whatever 123' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await guess()).status);
    expect(statuses.slice(0, 2)).toEqual([400, 400]);
    expect(statuses.at(-1)).toBe(429);
  });

  it('resolves no viewer without credentials or with a forged cookie, and refuses the rest', async () => {
    server = await startTestServer({}, { signedIn: false });
    expect(await httpClientWith(server.url, {}).auth.viewer.query()).toBeNull();
    const forged = httpClientWith(server.url, { cookie: 'genhub.session_token=forged.value' });
    expect(await forged.auth.viewer.query()).toBeNull();
    await expect(forged.generation.list.query({})).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
  });
});

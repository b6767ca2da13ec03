import { until } from '@genhub/core/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/router';
import { listProcedures } from './fuzz/list-procedures';
import { listRoutes } from './fuzz/list-routes';
import { validInputs } from './fuzz/valid-inputs';
import { callProcedure } from './isolation/call-procedure';
import { seedUserData, snapshotUserData, type UserData } from './isolation/seed-user-data';
import { addMember, type WalkUser } from './isolation/walk-users';
import { startTestServer, statusOf, type TestServer } from './test-server';

/** A task's owner, straight from the database. */
async function ownerOf(server: TestServer, id: string) {
  const { db, t } = server.app.core.data;
  const [row] = await db.select({ owner: t.tasks.owner }).from(t.tasks).where(eq(t.tasks.id, id));
  return row?.owner;
}

/** Procedures anyone may call, signed in or not. */
const publicProcedures = new Set(['auth.viewer']);

/** Procedures that take no input. */
const withoutInput = new Set([
  'account.balance',
  'account.keys.list',
  'provider.list',
  'queue.status',
  'collection.list',
  'generation.emptyTrash',
  'webhooks.endpoints.list',
]);

/** The other user's things, as inputs: every procedure that is not admin-only is called with them. */
function walkInputs(theirs: UserData, keyId: string): Record<string, unknown> {
  return {
    ...validInputs(theirs),
    'account.keys.create': { name: 'walker', scopes: ['read'] },
    'account.keys.revoke': { id: keyId },
    'task.chain': { taskId: theirs.taskId },
    'webhooks.endpoints.create': { url: 'https://hooks.bob.invalid/x', events: ['task.failed'] },
    'webhooks.endpoints.update': {
      id: theirs.webhookEndpointId,
      url: 'https://hooks.bob.invalid/y',
      events: ['task.failed'],
      enabled: false,
    },
    'webhooks.endpoints.delete': { id: theirs.webhookEndpointId },
    'webhooks.endpoints.rotateSecret': { id: theirs.webhookEndpointId },
    'webhooks.endpoints.test': { id: theirs.webhookEndpointId },
    'webhooks.deliveries.list': { endpointId: theirs.webhookEndpointId, limit: 10 },
    'webhooks.deliveries.redeliver': { id: theirs.webhookDeliveryId },
  };
}

/** How every HTTP route is guarded; a route missing here fails the walk. */
const routeGuards: Record<
  string,
  'public' | 'signed in' | 'signed link' | 'webhook' | 'trpc' | 'operator'
> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  // METRICS_TOKEN, or this machine only (readyz-metrics.test.ts).
  'GET /metrics': 'operator',
  'GET /api/setup': 'public',
  'POST /api/setup': 'public',
  'GET /api/auth/*': 'public',
  'POST /api/auth/*': 'public',
  'GET /api/assets/:id/content': 'signed link',
  'POST /api/assets': 'signed in',
  'POST /api/export/zip': 'signed in',
  'GET /files/*': 'signed in',
  // The OpenAI-compatible images API: an API key; each request makes the caller's own task.
  'GET /v1/models': 'signed in',
  // `/v1/models/*`, as Fastify's route tree prints it.
  'GET /v1/models*': 'signed in',
  'POST /v1/images/generations': 'signed in',
  'POST /v1/images/edits': 'signed in',
  'GET /v1/images/:id/content': 'signed link',
  // MCP: an API key; each tool calls the API with it (mcp-http.test.ts walks another user's ids).
  'POST /mcp': 'signed in',
  'GET /mcp': 'signed in',
  'DELETE /mcp': 'signed in',
  // Every method reaches tRPC, which answers the ones it does not serve.
  ...Object.fromEntries(
    ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'QUERY'].map((method) => [
      `${method} /trpc/:path`,
      'trpc' as const,
    ]),
  ),
  'GET /trpc': 'trpc',
  // The SPA's pages and the not-found answer: no data.
  'GET *': 'public',
};

describe('two users on one server', { timeout: 120_000 }, () => {
  let server: TestServer;
  let alice: WalkUser;
  let bob: WalkUser;
  let hers: UserData;
  let before: string;
  /** Strings that appear in answers only if they reveal Alice's things. */
  let markers: string[];

  beforeAll(async () => {
    server = await startTestServer();
    alice = await addMember(server, 'alice@genhub.test');
    bob = await addMember(server, 'bob@genhub.test');
    hers = await seedUserData(server, alice);
    before = await snapshotUserData(server, alice, hers);
    markers = [
      hers.taskId,
      hers.generationId,
      hers.assetId,
      hers.planId,
      hers.collectionId,
      hers.webhookEndpointId,
      hers.webhookDeliveryId,
      'hooks.alice.invalid',
      alice.keyId,
      'private harbour',
      'private set',
      ...hers.fileUrls.map((url) => url.split('/').at(-1) ?? url),
    ];
  }, 60_000);

  afterAll(async () => {
    await Promise.all([alice.ws.close(), bob.ws.close()]);
    await server.close();
  });

  const leaked = (text: string) => markers.filter((marker) => text.includes(marker));

  it('walks every procedure as Bob with Alice’s ids: nothing of hers is shown or changed', async () => {
    const inputs = walkInputs(hers, alice.keyId);
    const unlisted: string[] = [];
    const answers: string[] = [];
    for (const { path, type } of listProcedures(appRouter)) {
      if (type === 'subscription' || publicProcedures.has(path)) continue;
      if (path.startsWith('admin.')) {
        const answer = await callProcedure(server.url, path, type, undefined, bob.headers);
        expect(answer.error, `${path} for a member`).toBe('FORBIDDEN');
        continue;
      }
      if (!(path in inputs) && !withoutInput.has(path)) {
        unlisted.push(path);
        continue;
      }
      const answer = await callProcedure(server.url, path, type, inputs[path], bob.headers);
      expect(answer.status, `${path}: ${answer.text}`).toBeLessThan(500);
      // An answer may repeat what Bob sent; nothing else of Alice's may be in it.
      const sent = JSON.stringify(inputs[path] ?? null);
      const revealed = leaked(answer.text).filter((marker) => !sent.includes(marker));
      expect(revealed, `${path}: ${answer.text}`).toEqual([]);
      answers.push(`${path} ${answer.error ?? 'ok'}`);
    }
    expect(unlisted, 'procedures the isolation walk does not know: add them').toEqual([]);
    expect(answers).toContain('task.get NOT_FOUND');
    expect(answers).toContain('task.chain NOT_FOUND');
    expect(answers).toContain('plan.get NOT_FOUND');
    for (const path of ['endpoints.update', 'endpoints.test', 'deliveries.redeliver']) {
      expect(answers).toContain(`webhooks.${path} NOT_FOUND`);
    }
    // Bob's key may not manage keys at all; a session gets NOT_FOUND for hers (its own test).
    expect(answers.filter((a) => a.startsWith('account.keys.revoke '))).toEqual([
      expect.stringMatching(/ (NOT_FOUND|FORBIDDEN)$/),
    ]);
    expect(await snapshotUserData(server, alice, hers)).toBe(before);
    // Her key still works: Bob could not revoke it.
    expect((await alice.client.auth.viewer.query())?.user.email).toBe('alice@genhub.test');
  });

  it('refuses every procedure but the public ones to a caller who is not signed in', async () => {
    const refused: string[] = [];
    for (const { path, type } of listProcedures(appRouter)) {
      if (type === 'subscription' || publicProcedures.has(path)) continue;
      const answer = await callProcedure(server.url, path, type, undefined, {});
      if (answer.error !== 'UNAUTHORIZED') refused.push(`${path}: ${answer.text}`);
    }
    expect(refused).toEqual([]);
  });

  it('never sends Bob an event of Alice’s, replayed from the start or live', async () => {
    const seen: string[] = [];
    const own = { id: '' };
    const events = bob.client.task.events.subscribe(
      { lastEventId: '0' },
      { onData: ({ data }) => seen.push(data.task.id) },
    );
    const ofHerTask = bob.client.task.events.subscribe(
      { lastEventId: '0', taskId: hers.taskId },
      { onData: ({ data }) => seen.push(data.task.id) },
    );
    const plans: string[] = [];
    const planUpdates = bob.client.plan.updates.subscribe(
      {},
      { onData: (summary) => plans.push(summary.id) },
    );
    try {
      // Alice changes her task while Bob listens; then Bob makes one of his own, which comes after.
      await alice.client.generation.star.mutate({ ids: [hers.taskId], starred: false });
      await alice.client.generation.star.mutate({ ids: [hers.taskId], starred: true });
      const mine = await bob.client.task.create.mutate({ prompt: 'bob’s own', provider: 'local' });
      own.id = mine.id;
      await until(
        async () => (await statusOf(server, mine.id)) === 'completed',
        15_000,
        'Bob’s task',
      );
      await until(() => seen.filter((id) => id === mine.id).length >= 3, 15_000, 'Bob’s events');
    } finally {
      events.unsubscribe();
      ofHerTask.unsubscribe();
      planUpdates.unsubscribe();
    }
    const owners = await Promise.all([...new Set(seen)].map((id) => ownerOf(server, id)));
    expect(seen).toContain(own.id);
    expect(owners.filter((owner) => owner !== bob.id)).toEqual([]);
    expect(plans).not.toContain(hers.planId);
  });

  it('shows Bob a queue and usage without Alice’s tasks', async () => {
    const status = await bob.client.queue.status.query();
    expect(leaked(JSON.stringify(status))).toEqual([]);
    const usage = await bob.client.account.usage.query({ utcOffsetMinutes: 0 });
    expect(usage.rows.every((row) => row.planId !== hers.planId)).toBe(true);
    const gallery = await bob.client.generation.list.query({ limit: 100 });
    expect(gallery.items.map((t) => t.owner)).toEqual(gallery.items.map(() => bob.id));
  });

  it('guards every HTTP route: Alice’s files and ZIP are not Bob’s, and signed out gets 401', async () => {
    const routes = listRoutes(server.app.fastify.printRoutes({ commonPrefix: false }));
    const unknown = routes
      .map((r) => `${r.method} ${r.url}`)
      .filter((route) => !/^[A-Z]+ \/webhooks\//.test(route) && !(route in routeGuards));
    expect(unknown, 'routes the isolation walk does not know: add them').toEqual([]);

    // Each body is read to the end, so no download is left open when the server closes.
    const answered = async (answer: Promise<Response>) => {
      const res = await answer;
      await res.arrayBuffer();
      return res.status;
    };
    for (const url of hers.fileUrls) {
      expect(await answered(fetch(server.url + url, { headers: bob.headers })), url).toBe(404);
      expect(await answered(fetch(server.url + url)), url).toBe(401);
      expect(await answered(fetch(server.url + url, { headers: alice.headers })), url).toBe(200);
    }
    const zip = (headers: Record<string, string>) =>
      answered(
        fetch(`${server.url}/api/export/zip`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ ids: [hers.taskId] }),
        }),
      );
    expect(await zip(bob.headers)).toBe(404);
    expect(await zip({})).toBe(401);
    expect(await zip(alice.headers)).toBe(200);
    const upload = fetch(`${server.url}/api/assets`, { method: 'POST', body: new FormData() });
    expect(await answered(upload)).toBe(401);

    // The OpenAI-compatible API: her images only by a link signed for her; Bob's requests make his.
    const herImage = `${server.url}/v1/images/${hers.generationId}/content`;
    expect(await answered(fetch(herImage, { headers: bob.headers }))).toBe(403);
    const forged = `${herImage}?expires=9999999999&signature=${'A'.repeat(43)}`;
    expect(await answered(fetch(forged, { headers: bob.headers }))).toBe(403);
    const openAi = (path: string, headers: Record<string, string>) =>
      fetch(`${server.url}/v1/${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: 'bob’s own, the OpenAI way', response_format: 'url' }),
      });
    expect(await answered(openAi('images/generations', {}))).toBe(401);
    expect(await answered(openAi('images/edits', {}))).toBe(401);
    expect(await answered(fetch(`${server.url}/v1/models`))).toBe(401);
    const his = await openAi('images/generations', bob.headers);
    const text = await his.text();
    expect(his.status, text).toBe(200);
    expect(leaked(text)).toEqual([]);
    const hisTask = his.headers.get('x-genhub-task-id') ?? '';
    expect(await ownerOf(server, hisTask)).toBe(bob.id);
  });

  it('lets an admin see Alice’s things only through the admin view', async () => {
    const admin = { authorization: `Bearer ${server.key ?? ''}` };
    const own = await callProcedure(server.url, 'task.get', 'query', { id: hers.taskId }, admin);
    expect(own.error).toBe('NOT_FOUND');
    const mine = await callProcedure(server.url, 'generation.list', 'query', {}, admin);
    expect(mine.text).not.toContain(hers.taskId);
    const all = await callProcedure(server.url, 'admin.generation.list', 'query', {}, admin);
    expect(all.text).toContain(hers.taskId);
    const viewed = await callProcedure(
      server.url,
      'admin.task.get',
      'query',
      { id: hers.taskId },
      admin,
    );
    expect(JSON.parse(viewed.text)).toMatchObject({ result: { data: { owner: alice.id } } });
    const file = await fetch(server.url + (hers.fileUrls[0] ?? ''), { headers: admin });
    await file.arrayBuffer();
    expect(file.status).toBe(200);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from '@genhub/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suiteOnPostgres } from './suite-database';
import { httpClientWith, sessionCookie, setup } from './auth-clients';
import { listen } from './fake-http';
import { startFakeKie, type FakeKie } from './fake-kie';
import { fakeProviderEnv } from './fake-provider-env';
import { readBody } from './read-body';
import { startSourceServer, type SourceServer } from './spawn-source-server';

type Client = ReturnType<typeof httpClientWith>;
type TaskView = Awaited<ReturnType<Client['task']['get']['query']>>;

/** Onboarding on a fresh server: the first admin, signed in, as the SPA does it. */
const signUpAdmin = async (url: string) =>
  sessionCookie(
    await setup(url, { email: 'admin@genhub.test', password: 'test-admin-password', name: 'A' }),
  );

/** Reads the task until `done` holds, for at most `ms`. */
async function taskWhen(app: Client, id: string, done: (t: TaskView) => boolean, ms: number) {
  const end = Date.now() + ms;
  for (;;) {
    const task = await app.task.get.query({ id });
    if (done(task)) return task;
    if (Date.now() > end) throw new Error(`task ${id} stayed ${task.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Sends `req` on to `base` and its answer back. */
async function forward(base: string, req: IncomingMessage, res: ServerResponse) {
  const body = req.method === 'GET' ? undefined : await readBody(req);
  const headers = Object.fromEntries(
    ['authorization', 'content-type', 'x-webhook-timestamp', 'x-webhook-signature'].flatMap(
      (name) => (typeof req.headers[name] === 'string' ? [[name, req.headers[name]]] : []),
    ),
  );
  const reply = await fetch(base + (req.url ?? '/'), { method: req.method, headers, body }).catch(
    () => undefined,
  );
  if (!reply) return res.writeHead(502).end();
  res
    .writeHead(reply.status, { 'content-type': reply.headers.get('content-type') ?? '' })
    .end(Buffer.from(await reply.arrayBuffer()));
}

/**
 * Between the server and the fake KIE, both ways: its API calls go on to KIE, except that
 * recordInfo is held unanswered while `holdPolls` is set; KIE's callbacks go on to whichever
 * server process runs now (PUBLIC_BASE_URL points here, so it outlives a restart).
 */
async function startRelay(kie: FakeKie) {
  const state = {
    /** The server process that callbacks go to. */
    server: '',
    holdPolls: true,
    /** Polls held unanswered. */
    held: [] as ServerResponse[],
  };
  const http = await listen(async (req, res) => {
    if (req.url?.startsWith('/webhooks/')) return forward(state.server, req, res);
    if (state.holdPolls && req.url?.startsWith('/api/v1/jobs/recordInfo')) {
      state.held.push(res);
      return;
    }
    return forward(kie.url, req, res);
  });
  return {
    state,
    url: http.url,
    close: async () => {
      for (const res of state.held.splice(0)) res.destroy();
      await http.close();
    },
  };
}

// The spawned server keeps its data in DATA_DIR's SQLite file (it takes no DATABASE_URL yet).
describe.skipIf(suiteOnPostgres)('KIE.ai credits from a callback, across a restart', () => {
  const hmacKey = 'kie-restart-hmac';
  let kie: FakeKie;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let dataDir: string;
  let env: Record<string, string>;
  let server: SourceServer | undefined;

  beforeAll(async () => {
    kie = await startFakeKie();
    relay = await startRelay(kie);
    dataDir = mkdtempSync(join(tmpdir(), 'genhub-kie-credits-'));
    env = {
      DATA_DIR: dataDir,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      ...fakeProviderEnv({ kie }),
      KIE_BASE_URL: relay.url,
      KIE_WEBHOOK_HMAC_KEY: hmacKey,
      PUBLIC_BASE_URL: relay.url,
    };
  });

  afterAll(async () => {
    await server?.stop();
    await relay.close();
    await kie.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("charges the callback's creditsConsumed when the server restarts before the final poll", async () => {
    // The job ends with a signed callback carrying 3 credits; recordInfo, as documented,
    // carries no cost at all.
    Object.assign(kie.behaviour, {
      callbacks: 1,
      callbackDelayMs: 200,
      hmacKey,
      credits: 3,
      recordInfoCredits: null,
      pollsToFinish: 1_000,
    });
    server = await startSourceServer(env);
    relay.state.server = server.url;
    const cookie = await signUpAdmin(server.url);
    const first = httpClientWith(server.url, { cookie });
    const created = await first.task.create.mutate({
      provider: 'kie',
      model: 'nano-banana-2',
      prompt: 'a lighthouse that survives the night',
    });
    expect(created.cost?.estimated).not.toBe(3);

    // The callback was accepted and its poll went out, but the poll gets no answer ...
    await until(() => kie.callbackResponses.length === 1, 15_000, 'the callback');
    expect(kie.callbackResponses).toEqual([200]);
    await until(() => relay.state.held.length === 1, 15_000, 'the poll after the callback');
    expect((await first.task.get.query({ id: created.id })).status).toBe('processing');

    // ... before the server stops. Nothing in the new process has heard of the callback.
    await server.stop();
    for (const res of relay.state.held.splice(0)) res.destroy();
    relay.state.holdPolls = false;
    server = await startSourceServer(env);
    relay.state.server = server.url;

    // The session outlives the process: it is in the database.
    const done = await taskWhen(
      httpClientWith(server.url, { cookie }),
      created.id,
      (t) => t.status !== 'processing' && t.status !== 'pending',
      30_000,
    );
    expect(done).toMatchObject({ status: 'completed', attempts: 1 });
    expect(done.cost).toMatchObject({ unit: 'credits', actual: 3, source: 'provider' });
    // One KIE job: the restart resumed it rather than starting another.
    expect(kie.tasks.size).toBe(1);
  }, 90_000);
});

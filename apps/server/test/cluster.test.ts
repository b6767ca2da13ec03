import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '@genhub/core/testing';
import type { TaskEvent } from '@genhub/core';
import { startFakeKie, type FakeKie } from './fake-kie';
import { fakeProviderEnv } from './fake-provider-env';
import { freePort } from './spawn-server';
import {
  connectClient,
  startTestServer,
  statusOf,
  waitForTask,
  type TestServer,
} from './test-server';
import { rememberKey } from './test-keys';

/**
 * Two instances in one data directory (`CLUSTER=true`): each sees what the other does through
 * the shared database, as two processes on one host would.
 */
describe('two instances sharing one database', () => {
  let a: TestServer;
  let b: TestServer;
  let onA: ReturnType<typeof connectClient>;
  let onB: ReturnType<typeof connectClient>;

  beforeAll(async () => {
    const cluster = { CLUSTER: 'true', CLUSTER_POLL_MS: '10', LOCAL_PROVIDER_DELAY_MS: '20' };
    a = await startTestServer(cluster);
    b = await startTestServer(cluster, { dataDir: a.dataDir, signedIn: false });
    // B shares A's users, so A's key works there too.
    rememberKey(b.url, a.key ?? '');
    onA = connectClient(a.url);
    onB = connectClient(b.url);
  });

  afterAll(async () => {
    await Promise.all([onA.ws.close(), onB.ws.close()]);
    await b.close();
    await a.close();
  });

  it('streams a task created on A to a subscriber on B, every event in order', async () => {
    const events: TaskEvent[] = [];
    let started = false;
    const subscription = onB.client.task.events.subscribe(
      { lastEventId: null },
      {
        onStarted: () => (started = true),
        onData: (tracked) => events.push(tracked.data),
      },
    );
    try {
      // A stream that starts "from now" would miss a task made before it is listening.
      await until(() => started);
      const task = await onA.client.task.create.mutate({ prompt: 'made on A', provider: 'local' });
      await until(() => events.some((e) => e.task.id === task.id && e.task.status === 'completed'));
      const mine = events.filter((e) => e.task.id === task.id);
      expect(mine.map((e) => e.type)).toEqual(['created', 'started', 'completed']);
      const seqs = events.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      expect(new Set(seqs).size).toBe(seqs.length);
    } finally {
      subscription.unsubscribe();
    }
  });

  it('holds work on B while the queue is paused on A, and frees it when A resumes', async () => {
    await onA.client.queue.pause.mutate({});
    await until(async () => (await onB.client.queue.status.query()).paused.all === true);
    const task = await onB.client.task.create.mutate({ prompt: 'waits', provider: 'local' });
    expect(await statusOf(b, task.id)).toBe('pending');
    await onA.client.queue.resume.mutate({});
    await until(async () => (await statusOf(b, task.id)) === 'completed');
  });

  it('uses a provider key set on A in B as well', async () => {
    const key = 'sk-or-v1-cluster-test-key-0000000000001234';
    await onA.client.admin.providerKeys.set.mutate({ name: 'OPENROUTER_API_KEY', value: key });
    const onBView = async () =>
      (await onB.client.admin.providerKeys.list.query()).find(
        (row) => row.name === 'OPENROUTER_API_KEY',
      );
    await until(async () => (await onBView())?.last4 === '1234');
    await onA.client.admin.providerKeys.clear.mutate({ name: 'OPENROUTER_API_KEY' });
    await until(async () => (await onBView())?.last4 == null);
  });
});

describe('a provider callback that reaches the other instance', () => {
  let kie: FakeKie;
  let a: TestServer;
  let b: TestServer;
  let onA: ReturnType<typeof connectClient>;

  beforeAll(async () => {
    kie = await startFakeKie();
    const portOfB = await freePort();
    const vars = {
      ...fakeProviderEnv({ kie }),
      CLUSTER: 'true',
      CLUSTER_POLL_MS: '10',
      // Every job's callback goes to B.
      PUBLIC_BASE_URL: `http://127.0.0.1:${portOfB}`,
    };
    // A polls only after a minute without a callback: only the callback can finish a job soon.
    const patient = { pollDelayMs: () => 60_000, callbackGraceMs: 60_000 };
    a = await startTestServer(vars, { scheduler: patient });
    b = await startTestServer(vars, {
      dataDir: a.dataDir,
      signedIn: false,
      port: portOfB,
      scheduler: patient,
    });
    // B only answers callbacks here: A runs every job.
    await b.app.scheduler.stop();
    rememberKey(b.url, a.key ?? '');
    onA = connectClient(a.url);
  });

  afterAll(async () => {
    await onA.ws.close();
    await b.close();
    await a.close();
    await kie.close();
  });

  it('makes the instance running the job poll at once and complete it', async () => {
    Object.assign(kie.behaviour, { callbacks: 1, callbackDelayMs: 50, pollsToFinish: 1 });
    const task = await onA.client.task.create.mutate({
      provider: 'kie',
      prompt: 'called back at B',
    });
    const done = await waitForTask(a, onA.client, task.id, 20_000);
    expect(done.status).toBe('completed');
    expect(kie.callbackResponses).toEqual([200]);
    expect([...kie.tasks.values()].at(-1)?.callBackUrl).toContain(
      `${b.url}/webhooks/kie/${task.id}`,
    );
  });
});

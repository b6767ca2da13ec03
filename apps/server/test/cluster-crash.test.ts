import { join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { TaskEvent } from '@genhub/core';
import { until } from '@genhub/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suiteOnPostgres } from './suite-database';
import { httpClientWith, wsClientWithToken } from './auth-clients';
import { fakeProviderEnv } from './fake-provider-env';
import { startFakeReplicate } from './fake-replicate';
import { startGatedRelay, type GatedRelay } from './gated-relay';
import { spawnServer, type RunningApp } from './spawn-server';
import { authHeaders } from './test-keys';

type Client = ReturnType<typeof httpClientWith>;
type TaskView = Awaited<ReturnType<Client['task']['get']['query']>>;

const total = 500;
const secret = `whsec_${Buffer.from('cluster-crash-test-secret-012345').toString('base64')}`;

/** Every task of the test admin's, and the event cursor they were read at. */
async function allTasks(client: Client): Promise<{ tasks: TaskView[]; lastEventId: number }> {
  const tasks: TaskView[] = [];
  let cursor: string | null = null;
  let lastEventId = 0;
  do {
    const page: Awaited<ReturnType<Client['task']['list']['query']>> = await client.task.list.query(
      { limit: 100, cursor },
    );
    tasks.push(...page.items);
    lastEventId = Math.max(lastEventId, Number(page.lastEventId));
    cursor = page.nextCursor;
  } while (cursor);
  return { tasks, lastEventId };
}

const taskRows = z.array(
  z.object({
    id: z.string(),
    status: z.string(),
    owner: z.string().nullable(),
    job: z.string().nullable(),
  }),
);
const jobRef = z.object({ id: z.string() });

/**
 * The shared database as the instances leave it, read-only: which instance holds each task's
 * lease is in no API answer.
 */
function readShared(dataDir: string) {
  const db = new Database(join(dataDir, 'genhub.sqlite'), { readonly: true, fileMustExist: true });
  const all = db.prepare(
    'SELECT id, status, lease_owner AS owner, provider_job_id AS job FROM tasks',
  );
  const rows = () => taskRows.parse(all.all());
  return {
    rows,
    /** The prediction ids genhub has recorded as its tasks' jobs. */
    jobIds: () =>
      new Set(rows().flatMap((r) => (r.job ? [jobRef.parse(JSON.parse(r.job)).id] : []))),
    close: () => db.close(),
  };
}

/** An instance id names its process's pid (`host-pid-random`). */
const heldBy = (pid: number) => (owner: string | null) =>
  owner !== null && new RegExp(`-${pid}-[0-9a-f]{8}$`).test(owner);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Two server processes on one data directory (`CLUSTER=true`), 500 Replicate tasks created
 * through both, and one process killed with SIGKILL while it has jobs at the provider.
 */
// The spawned instances share DATA_DIR's SQLite file, which the test reads.
describe.skipIf(suiteOnPostgres)('two instances, one killed mid-burst', () => {
  let fake: Awaited<ReturnType<typeof startFakeReplicate>>;
  let relay: GatedRelay;
  let a: RunningApp;
  let b: RunningApp;

  beforeAll(async () => {
    fake = await startFakeReplicate(secret);
    // Done on the first poll: each job is at the provider for one poll interval (2.5 s).
    fake.state.pollsToFinish = 1;
    relay = await startGatedRelay(
      fake.url,
      (req) => req.method === 'POST' && /\/predictions$/.test(req.url ?? ''),
    );
    // No PUBLIC_BASE_URL: no webhooks, every job is polled.
    const env = {
      ...fakeProviderEnv({ replicate: { ...fake, url: relay.url } }),
      CLUSTER: 'true',
      CLUSTER_LEASE_MS: '2000',
      CLUSTER_POLL_MS: '10',
      // Counted across both instances: 64 jobs at the provider at once.
      PROVIDER_CONCURRENCY: '64',
    };
    a = await spawnServer(env);
    b = await spawnServer(env, [], { sharing: a });
    // Two built servers starting one after the other: generous for a loaded 2-core machine.
  }, 90_000);

  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await relay?.close();
    await fake?.close();
  });

  it('ends every task exactly once, with one submission each, after a SIGKILL', async () => {
    const onA = httpClientWith(a.url, authHeaders(a.url));
    const onB = httpClientWith(b.url, authHeaders(b.url));
    const promptOf = new Map<string, string>();
    // Sixteen clients, eight on each instance: half the tasks are created through each.
    const lane = async (client: Client, first: number) => {
      for (let i = first; i < total; i += 16) {
        const prompt = `cluster crash ${i}`;
        const task = await client.task.create.mutate({ provider: 'replicate', prompt });
        promptOf.set(task.id, prompt);
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_, i) => lane(i % 2 ? onB : onA, i)));
    expect(promptOf.size).toBe(total);

    const shared = readShared(a.dataDir);
    try {
      const ofB = heldBy(b.pid);
      const runningOnB = (rows: ReturnType<typeof shared.rows>) =>
        rows.filter((r) => r.status === 'processing' && r.job !== null && ofB(r.owner));
      // In the middle of the burst, with B running jobs that the provider has accepted.
      await until(
        () => {
          const rows = shared.rows();
          const completed = rows.filter((r) => r.status === 'completed').length;
          return completed >= total / 5 && runningOnB(rows).length >= 8;
        },
        60_000,
        'a fifth of the tasks done and jobs running on B',
      );
      // A kill between the provider accepting a job and genhub recording its id leaves a job
      // no instance knows of, whose task is submitted again: a window only a provider-side
      // idempotency key could close. The gate keeps the kill out of it; jobs stay in flight.
      relay.closed = true;
      await until(
        () => {
          if (relay.submitting > 0) return false;
          const recorded = shared.jobIds();
          return [...fake.state.predictions.keys()].every((id) => recorded.has(id));
        },
        10_000,
        'every accepted job recorded',
      );
      process.kill(b.pid, 'SIGKILL');
      await until(() => !alive(b.pid), 10_000, 'B to die');
      // B can change nothing any more, and its leases still hold: what it ran is cut off.
      const cutOff = runningOnB(shared.rows());
      relay.closed = false;
      expect(cutOff.length).toBeGreaterThan(0);

      const deadline = Date.now() + 60_000;
      let view = await allTasks(onA);
      while (view.tasks.some((t) => t.status === 'pending' || t.status === 'processing')) {
        if (Date.now() > deadline) throw new Error('the tasks did not finish on A');
        await new Promise((r) => setTimeout(r, 250));
        view = await allTasks(onA);
      }

      // Every accepted task completed, once, with its image.
      expect(new Set(view.tasks.map((t) => t.id))).toEqual(new Set(promptOf.keys()));
      for (const task of view.tasks) {
        expect(task.status, task.id).toBe('completed');
        expect(task.generations.length, task.id).toBeGreaterThan(0);
        expect(task.generations.length, task.id).toBeLessThanOrEqual(task.count);
      }

      // The provider accepted exactly one job per task: those B had running were polled by A.
      const submissions = new Map<string, number>();
      for (const prediction of fake.state.predictions.values()) {
        const prompt = String(prediction.input.prompt);
        submissions.set(prompt, (submissions.get(prompt) ?? 0) + 1);
      }
      const notOnce = [...promptOf.values()].filter((p) => submissions.get(p) !== 1);
      expect(notOnce).toEqual([]);
      expect(fake.state.predictions.size).toBe(total);
      const jobNow = new Map(shared.rows().map((r) => [r.id, r.job]));
      for (const row of cutOff) expect(jobNow.get(row.id), row.id).toBe(row.job);

      // A's event log, replayed from the start: one `submitted` and one `completed` per task.
      const events: TaskEvent[] = [];
      const { client, ws } = wsClientWithToken(a.url, a.key ?? '');
      const subscription = client.task.events.subscribe(
        { lastEventId: '0' },
        { onData: (tracked) => events.push(tracked.data) },
      );
      try {
        await until(
          () => (events.at(-1)?.seq ?? 0) >= view.lastEventId,
          30_000,
          'the replay to reach the end of the log',
        );
      } finally {
        subscription.unsubscribe();
        await ws.close();
      }
      const seqs = events.map((e) => e.seq);
      expect(seqs).toEqual([...new Set(seqs)].sort((x, y) => x - y));
      const count = (type: TaskEvent['type']) => {
        const n = new Map<string, number>();
        for (const e of events) if (e.type === type) n.set(e.task.id, (n.get(e.task.id) ?? 0) + 1);
        return n;
      };
      const completions = count('completed');
      const submitted = count('submitted');
      for (const id of promptOf.keys()) {
        expect(completions.get(id), id).toBe(1);
        expect(submitted.get(id), id).toBe(1);
      }
      expect(events.filter((e) => e.type === 'failed' || e.type === 'canceled')).toEqual([]);
    } finally {
      shared.close();
    }
  }, 120_000);
});

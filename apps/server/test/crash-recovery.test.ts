import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suiteOnPostgres } from './suite-database';
import { spawnServer, type RunningApp } from './spawn-server';
import { authHeaders } from './test-keys';

interface TaskView {
  id: string;
  status: string;
  count: number;
  attempts: number;
  generations: unknown[];
}

async function trpc<T>(
  app: RunningApp,
  path: string,
  input: unknown,
  method: 'GET' | 'POST',
): Promise<T> {
  const url =
    method === 'GET'
      ? `${app.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`
      : `${app.url}/trpc/${path}`;
  const res = await fetch(url, {
    method,
    headers: {
      ...authHeaders(app.url),
      ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
    },
    ...(method === 'POST' ? { body: JSON.stringify(input) } : {}),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

async function allTasks(app: RunningApp): Promise<TaskView[]> {
  const tasks: TaskView[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: TaskView[]; nextCursor: string | null } = await trpc(
      app,
      'task.list',
      { limit: 100, cursor },
      'GET',
    );
    tasks.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return tasks;
}

// The spawned server keeps its data in DATA_DIR's SQLite file (it takes no DATABASE_URL yet).
describe.skipIf(suiteOnPostgres)('a server killed mid-burst', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await spawnServer({ LOCAL_PROVIDER_DELAY_MS: '100', PROVIDER_CONCURRENCY: '4' });
  });
  afterAll(() => app.stop());

  it('loses no accepted task and makes no extra images after a SIGKILL and a restart', async () => {
    const accepted: string[] = [];
    let killed = false;
    // Four clients keep creating tasks until the process dies, so creates are in flight at the kill.
    const submitUntilKilled = async (lane: number) => {
      for (let i = 0; !killed; i++) {
        const input = { prompt: `burst ${lane}-${i}`, count: 1 + (i % 2) };
        try {
          accepted.push((await trpc<TaskView>(app, 'task.create', input, 'POST')).id);
        } catch {
          return;
        }
      }
    };
    const lanes = [0, 1, 2, 3].map(submitUntilKilled);
    const running = async () =>
      (
        await trpc<{ items: unknown[] }>(
          app,
          'task.list',
          { status: 'processing', limit: 1 },
          'GET',
        )
      ).items.length > 0;
    while (accepted.length < 60 || !(await running())) await new Promise((r) => setTimeout(r, 5));
    const restarted = app.restart('SIGKILL');
    killed = true;
    await Promise.all(lanes);
    await restarted;
    expect(accepted.length).toBeGreaterThanOrEqual(60);

    // More work goes to the new process.
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        trpc<TaskView>(app, 'task.create', { prompt: `after ${i}`, count: 1 }, 'POST').then(
          (task) => void accepted.push(task.id),
        ),
      ),
    );

    const deadline = Date.now() + 60_000;
    let tasks = await allTasks(app);
    while (tasks.some((t) => t.status === 'pending' || t.status === 'processing')) {
      if (Date.now() > deadline) throw new Error('tasks did not finish');
      await new Promise((r) => setTimeout(r, 250));
      tasks = await allTasks(app);
    }
    const byId = new Map(tasks.map((t) => [t.id, t]));
    for (const id of accepted) {
      const task = byId.get(id);
      expect(task, `accepted task ${id}`).toBeDefined();
      expect(task?.status).toBe('completed');
    }
    for (const task of tasks) expect(task.generations.length).toBeLessThanOrEqual(task.count);
    // The attempts cut off by the kill were tried again.
    expect(tasks.some((t) => t.attempts === 2)).toBe(true);
  }, 120_000);
});

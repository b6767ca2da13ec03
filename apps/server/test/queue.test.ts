import { until } from '@genhub/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueStatus } from '@genhub/core';
import { connectClient, startTestServer, type TestServer } from './test-server';

describe('queue control over tRPC', () => {
  let server: TestServer;
  let client: ReturnType<typeof connectClient>['client'];
  let ws: ReturnType<typeof connectClient>['ws'];
  beforeAll(async () => {
    server = await startTestServer({ LOCAL_PROVIDER_DELAY_MS: '30' });
    ({ client, ws } = connectClient(server.url));
  });
  afterAll(async () => {
    await ws.close();
    await server.close();
  });

  it('pauses, reorders by priority, resumes, and pushes every change of the status', async () => {
    const updates: QueueStatus[] = [];
    const sub = client.queue.updates.subscribe(undefined, { onData: (s) => updates.push(s) });
    await until(() => updates.length > 0, 5000, 'the first status');

    await client.queue.pause.mutate({});
    const a = await client.task.create.mutate({ prompt: 'a' });
    const b = await client.task.create.mutate({ prompt: 'b' });
    await client.task.setPriority.mutate({ id: b.id, priority: 9 });
    // Updates are coalesced: wait for the one that shows the new order.
    await until(() => updates.at(-1)?.pending[0]?.id === b.id, 5000, 'b first in the queue');
    const latest = updates.at(-1)!;
    expect(latest.paused.all).toBe(true);
    expect(latest.pending.map((p) => [p.id, p.position])).toEqual([
      [b.id, 1],
      [a.id, 2],
    ]);

    await client.queue.resume.mutate({});
    await until(
      () => updates.at(-1)?.counts.some((c) => c.status === 'completed' && c.count === 2) ?? false,
      5000,
      'both to complete',
    );
    expect((await client.task.get.query({ id: b.id })).startedAt).toBeLessThanOrEqual(
      (await client.task.get.query({ id: a.id })).startedAt ?? 0,
    );
    sub.unsubscribe();
  });

  it('names a bad provider scope and a bad priority', async () => {
    await expect(client.queue.pause.mutate({ provider: 'nobody' })).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', field: 'provider' },
    });
    await expect(client.task.setPriority.mutate({ id: 'x', priority: 1000 })).rejects.toMatchObject(
      {
        data: { code: 'BAD_REQUEST', field: 'priority' },
      },
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskEvent } from '@genhub/core/schemas';
import { until } from '@genhub/core/testing';
import {
  authHeaders,
  connectClient,
  startTestServer,
  waitForTask,
  type TestServer,
} from './test-server';
import { readZip } from './read-zip';

describe('the gallery over the API', () => {
  let server: TestServer;
  let tab1: ReturnType<typeof connectClient>;
  let tab2: ReturnType<typeof connectClient>;
  const made: string[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    tab1 = connectClient(server.url);
    tab2 = connectClient(server.url);
    for (const prompt of ['a red fox in snow', '一只橘色的猫在窗台上', 'a lighthouse at dusk']) {
      const task = await tab1.client.task.create.mutate({
        prompt,
        count: prompt.startsWith('a l') ? 2 : 1,
      });
      await waitForTask(server, tab1.client, task.id);
      made.push(task.id);
    }
  });
  afterAll(async () => {
    await tab1.ws.close();
    await tab2.ws.close();
    await server.close();
  });

  it('lists with search and filters, and names a bad filter', async () => {
    const page = await tab1.client.generation.list.query({ search: '窗台上' });
    expect(page.items.map((t) => t.id)).toEqual([made[1]]);
    expect((await tab1.client.generation.list.query({ limit: 2 })).nextCursor).toBe(made[1]);
    await expect(
      tab1.client.generation.list.query({ aspectRatio: '7:5' as never }),
    ).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', field: 'aspectRatio' },
    });
  });

  it('a star in one tab reaches the other live; delete and undo too', async () => {
    const seen: TaskEvent[] = [];
    const head = (await tab2.client.generation.list.query({})).lastEventId;
    const sub = tab2.client.task.events.subscribe(
      { lastEventId: head },
      { onData: (e) => seen.push(e.data) },
    );
    expect(await tab1.client.generation.star.mutate({ ids: [made[0]!], starred: true })).toEqual({
      changed: 1,
    });
    await until(() => seen.some((e) => e.type === 'starred'), 5000, 'the star to arrive');
    expect(seen.find((e) => e.type === 'starred')?.task).toMatchObject({
      id: made[0],
      starredAt: expect.any(Number) as unknown,
    });
    expect(
      (await tab1.client.generation.list.query({ starred: true })).items.map((t) => t.id),
    ).toEqual([made[0]]);

    await tab1.client.generation.delete.mutate({ ids: [made[2]!] });
    expect((await tab1.client.generation.list.query({})).items.map((t) => t.id)).not.toContain(
      made[2],
    );
    await tab1.client.generation.restore.mutate({ ids: [made[2]!] });
    await until(() => seen.some((e) => e.type === 'restored'), 5000, 'the undo to arrive');
    expect(seen.map((e) => e.type)).toEqual(['starred', 'trashed', 'restored']);
    sub.unsubscribe();
  });

  it('collections: create, add, filter by, and a clear error for a duplicate name', async () => {
    const faces = await tab1.client.collection.create.mutate({ name: 'Faces' });
    await expect(tab1.client.collection.create.mutate({ name: 'Faces' })).rejects.toMatchObject({
      data: { code: 'CONFLICT', field: 'name' },
    });
    await tab1.client.collection.add.mutate({ collectionId: faces.id, ids: [made[0]!, made[1]!] });
    expect(
      (await tab1.client.generation.list.query({ collectionId: faces.id })).items,
    ).toHaveLength(2);
    expect(await tab1.client.collection.list.query()).toEqual([
      expect.objectContaining({ name: 'Faces', count: 2 }),
    ]);
  });

  it('streams the chosen images as one valid ZIP with readable names', async () => {
    const chosen = () => new URLSearchParams({ ids: `${made[1]},${made[2]}` });
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const signedOut = await fetch(`${server.url}/api/export/zip`, {
      method: 'POST',
      headers: form,
      body: chosen(),
    });
    expect(signedOut.status).toBe(401);
    const res = await fetch(`${server.url}/api/export/zip`, {
      method: 'POST',
      headers: { ...authHeaders(server.url), ...form },
      body: chosen(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="genhub-\d{4}-\d\d-\d\d\.zip"$/,
    );
    const entries = await readZip(Buffer.from(await res.arrayBuffer()));
    const task1 = await tab1.client.task.get.query({ id: made[1]! });
    const task2 = await tab1.client.task.get.query({ id: made[2]! });
    expect(entries).toEqual([
      {
        name: `一只橘色的猫在窗台上-${made[1]!.slice(-8)}-1.png`,
        size: task1.generations[0]!.bytes,
      },
      {
        name: `a-lighthouse-at-dusk-${made[2]!.slice(-8)}-1.png`,
        size: task2.generations[0]!.bytes,
      },
      {
        name: `a-lighthouse-at-dusk-${made[2]!.slice(-8)}-2.png`,
        size: task2.generations[1]!.bytes,
      },
    ]);
    const bad = await fetch(`${server.url}/api/export/zip`, {
      method: 'POST',
      headers: { ...authHeaders(server.url), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(bad.status).toBe(400);
  });
});

import { asc, gt } from 'drizzle-orm';
import sharp from 'sharp';
import { until } from '@genhub/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskEvent } from '@genhub/core';
import {
  authHeaders,
  connectClient,
  startTestServer,
  statusOf,
  type TestServer,
} from './test-server';

interface Received {
  id: string;
  data: TaskEvent;
}

function collect(
  client: ReturnType<typeof connectClient>['client'],
  input: { lastEventId?: string | null; taskId?: string },
) {
  const received: Received[] = [];
  let started!: () => void;
  const ready = new Promise<void>((resolve) => (started = resolve));
  const sub = client.task.events.subscribe(input, {
    onStarted: () => started(),
    onData: (value) => received.push(value),
  });
  return { received, ready, unsubscribe: () => sub.unsubscribe() };
}

describe('task events over a real WebSocket', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ LOCAL_PROVIDER_DELAY_MS: '50' });
  });
  afterEach(() => server.close());

  it('delivers every event of three tasks in seq order, and the images are served as asked', async () => {
    const { client, ws } = connectClient(server.url);
    const sub = collect(client, { lastEventId: null });
    await sub.ready;
    const asks = [
      { prompt: 'a red fox', aspectRatio: '16:9', outputFormat: 'jpeg', count: 1 },
      { prompt: 'a blue whale', aspectRatio: '9:16', outputFormat: 'webp', count: 2 },
      { prompt: 'a green frog', aspectRatio: '1:1', outputFormat: 'png', count: 1 },
    ] as const;
    const sizes = { '16:9': [1344, 768], '9:16': [768, 1344], '1:1': [1024, 1024] };
    const tasks = await Promise.all(asks.map((a) => client.task.create.mutate(a)));
    await until(
      () => sub.received.filter((r) => r.data.type === 'completed').length === 3,
      10_000,
      '3 completions',
    );

    const seqs = sub.received.map((r) => Number(r.id));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(sub.received.every((r) => String(r.data.seq) === r.id)).toBe(true);
    for (const task of tasks) {
      const types = sub.received.filter((r) => r.data.task.id === task.id).map((r) => r.data.type);
      expect(types).toEqual(['created', 'started', 'completed']);
    }

    for (const [i, ask] of asks.entries()) {
      const done = await client.task.get.query({ id: tasks[i]!.id });
      expect(done.generations).toHaveLength(ask.count);
      for (const g of done.generations) {
        const res = await fetch(server.url + g.url, { headers: authHeaders(server.url) });
        expect(res.status).toBe(200);
        expect(res.headers.get('cache-control')).toContain('immutable');
        expect(res.headers.get('etag')).toBeTruthy();
        const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual([
          ask.outputFormat,
          ...sizes[ask.aspectRatio],
        ]);
        const thumb = await fetch(server.url + g.thumbUrl, { headers: authHeaders(server.url) });
        expect(thumb.headers.get('content-type')).toBe('image/webp');
      }
    }
    sub.unsubscribe();
    await ws.close();
  });

  it('after a drop, resuming with lastEventId yields exactly the missed events', async () => {
    const first = connectClient(server.url);
    const before = collect(first.client, { lastEventId: null });
    await before.ready;
    const a = await first.client.task.create.mutate({ prompt: 'one' });
    await until(
      () => before.received.some((r) => r.data.task.id === a.id && r.data.type === 'completed'),
      10_000,
      'a',
    );
    const lastSeen = before.received.at(-1)!.id;
    await first.ws.close();

    // Changes made while the client is away.
    const { client: other, ws: otherWs } = connectClient(server.url);
    const b = await other.task.create.mutate({ prompt: 'two' });
    const c = await other.task.create.mutate({ prompt: 'three' });
    await other.task.cancel.mutate({ id: c.id });
    await until(
      async () => (await statusOf(server, b.id)) === 'completed',
      10_000,
      'b to complete',
    );

    const second = connectClient(server.url);
    const after = collect(second.client, { lastEventId: lastSeen });
    await after.ready;
    const d = await other.task.create.mutate({ prompt: 'four' });
    await until(
      () => after.received.some((r) => r.data.task.id === d.id && r.data.type === 'completed'),
      10_000,
      'd',
    );

    const { db, t } = server.app.core.data;
    const expected = (
      await db
        .select({ seq: t.taskEvents.seq })
        .from(t.taskEvents)
        .where(gt(t.taskEvents.seq, Number(lastSeen)))
        .orderBy(asc(t.taskEvents.seq))
    ).map((e) => String(e.seq));
    expect(after.received.map((r) => r.id)).toEqual(expected);
    const missed = after.received
      .filter((r) => r.data.task.id !== d.id)
      .map((r) => [r.data.task.id, r.data.type]);
    expect(missed).toEqual(
      expect.arrayContaining([
        [b.id, 'created'],
        [b.id, 'completed'],
        [c.id, 'created'],
        [c.id, 'canceled'],
      ]),
    );
    expect(missed.some(([id]) => id === a.id)).toBe(false);
    await second.ws.close();
    await otherWs.close();
  });

  it('filters the stream to one task', async () => {
    const { client, ws } = connectClient(server.url);
    const a = await client.task.create.mutate({ prompt: 'watched' });
    const sub = collect(client, { lastEventId: '0', taskId: a.id });
    await client.task.create.mutate({ prompt: 'ignored' });
    await until(() => sub.received.some((r) => r.data.type === 'completed'), 10_000, 'completion');
    expect(sub.received.every((r) => r.data.task.id === a.id)).toBe(true);
    expect(sub.received[0]?.data.type).toBe('created');
    await ws.close();
  });

  it('tells connected clients to reconnect when it shuts down', async () => {
    const { default: WebSocket } = await import('ws');
    const socket = new WebSocket(server.url.replace('http', 'ws') + '/trpc');
    await new Promise((resolve) => socket.once('open', resolve));
    const messages: string[] = [];
    socket.on('message', (m: Buffer) => messages.push(m.toString()));
    await server.app.close();
    await until(
      () => messages.length > 0 || socket.readyState === WebSocket.CLOSED,
      10_000,
      'reconnect',
    );
    expect(messages.map((m) => JSON.parse(m) as unknown)).toContainEqual({
      id: null,
      method: 'reconnect',
    });
  });
});

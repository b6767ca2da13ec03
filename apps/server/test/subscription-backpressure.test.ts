import { performance } from 'node:perf_hooks';
import { until } from '@genhub/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suiteOnPostgres } from './suite-database';
import { rssMb } from './process-memory';
import { openRawSubscriber, type RawSubscriber, type Reply } from './raw-subscriber';
import { seedTaskEvents } from './seed-task-events';
import { spawnServer, type RunningApp } from './spawn-server';
import { serverEndState } from './tcp-state';
import { authHeaders } from './test-keys';

// Generous bounds for a loaded 2-core machine: what failed here took 13.9 s and +500 MB.
const healthzBoundMs = 500;
// 50 clients asking for 1,000 subscriptions at once is about 0.3 s of work before any answer.
const floodHealthzBoundMs = 1000;
const rssGrowthBoundMb = 150;
const maxSubscriptions = 16;
const connectionsPerClient = 60;
const replaysAtOnce = 8;
const replayQueue = 16;

/** Everything replayed from the start of the log. */
const fromStart = { lastEventId: '0' };

function subscribeMany(client: RawSubscriber, n: number, input: unknown = fromStart): void {
  for (let id = 1; id <= n; id++) client.subscribe(id, 'task.events', input);
}

const errorsOf = (replies: Reply[]) => replies.filter((r) => r.type === 'error');

/** Closes a client and waits for the close to finish, so the server no longer counts it. */
async function closeClient(client: RawSubscriber): Promise<void> {
  client.socket.close();
  await client.closed;
}

// The built server and the seeded events are in DATA_DIR's SQLite file (no DATABASE_URL yet).
describe.skipIf(suiteOnPostgres)('subscriptions under a client that stops reading', () => {
  let app: RunningApp;
  let port: number;
  let head: number;
  let baselineMb: number;

  beforeAll(async () => {
    app = await spawnServer({
      WS_STALL_TIMEOUT_MS: '2000',
      WS_MAX_CONNECTIONS_PER_CLIENT: String(connectionsPerClient),
      EVENT_REPLAY_QUEUE: String(replayQueue),
      LOCAL_PROVIDER_DELAY_MS: '600000',
      // As `pnpm start` runs it.
      MALLOC_ARENA_MAX: '2',
    });
    port = Number(new URL(app.url).port);
    if (!app.admin) throw new Error('the server was started without its admin');
    head = await seedTaskEvents(app.dataDir, 15_000, app.admin.email);
    // Warm the server up on the log once, so the baseline includes what any replay loads.
    const warm = await openRawSubscriber(app.url);
    warm.subscribe(1, 'task.events', fromStart);
    await until(() => warm.replies.at(-1)?.seq === head, 20_000, 'a full replay');
    await closeClient(warm);
    baselineMb = rssMb(app.pid).rss;
  }, 120_000);
  afterAll(() => app.stop());

  /**
   * Probes /healthz back to back and samples the server's memory until `done()`; returns the
   * slowest answer and the most memory seen.
   */
  async function probeUntil(done: () => boolean, ms: number, what: string) {
    let slowestMs = 0;
    let peakMb = 0;
    const end = Date.now() + ms;
    for (;;) {
      const started = performance.now();
      const res = await fetch(`${app.url}/healthz`);
      slowestMs = Math.max(slowestMs, performance.now() - started);
      expect(res.status).toBe(200);
      peakMb = Math.max(peakMb, rssMb(app.pid).rss);
      if (done()) break;
      if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    }
    return { slowestMs, peakMb };
  }

  const serverClosed = (client: RawSubscriber) =>
    (serverEndState(port, client.localPort) ?? 'gone') !== 'ESTABLISHED';

  it('pauses a never-reading consumer of 20 replays, then disconnects it, while /healthz answers and memory stays bounded', async () => {
    const client = await openRawSubscriber(app.url);
    client.tcp.pause();
    subscribeMany(client, 20);

    const seen = await probeUntil(() => serverClosed(client), 20_000, 'the server to drop it');
    expect(seen.slowestMs).toBeLessThan(healthzBoundMs);
    expect(seen.peakMb - baselineMb).toBeLessThan(rssGrowthBoundMb);

    // What it finds on reading again is what reached the kernel before the close.
    client.tcp.resume();
    expect((await client.closed).code).not.toBe(1000);
  });

  it('resumes a disconnected consumer from its lastEventId with every event exactly once', async () => {
    const first = await openRawSubscriber(app.url);
    first.subscribe(1, 'task.events', fromStart);
    await until(() => first.replies.length > 3000, 20_000, '3000 events');
    first.tcp.pause();
    await until(() => serverClosed(first), 20_000, 'the server to drop it');
    first.tcp.resume();
    expect((await first.closed).code).not.toBe(1000);

    const seqs = first.replies.filter((r) => r.type === 'data').map((r) => r.seq ?? -1);
    expect(seqs.length).toBeLessThan(head);
    const second = await openRawSubscriber(app.url);
    second.subscribe(1, 'task.events', { lastEventId: String(seqs.at(-1)) });
    await until(() => second.replies.at(-1)?.seq === head, 20_000, 'the rest of the log');
    seqs.push(...second.replies.filter((r) => r.type === 'data').map((r) => r.seq ?? -1));
    expect(seqs).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    await closeClient(second);
  });

  /**
   * 50 clients that each ask for 20 replays and read nothing, and a reader that keeps asking
   * for one, until the clients holding replay slots have been dropped; then all of them leave.
   */
  async function flood() {
    const clients = await Promise.all(Array.from({ length: 50 }, () => openRawSubscriber(app.url)));
    for (const client of clients) {
      client.tcp.pause();
      subscribeMany(client, 20);
    }
    const reader = await openRawSubscriber(app.url);
    let asks = 0;
    const asking = setInterval(() => {
      if (asks > 0) reader.socket.send(JSON.stringify({ id: asks, method: 'subscription.stop' }));
      reader.subscribe(++asks, 'task.events', fromStart);
    }, 200);
    const seen = await probeUntil(
      () =>
        errorsOf(reader.replies).length > 0 && clients.filter(serverClosed).length >= replaysAtOnce,
      30_000,
      'the first stalled clients to be dropped',
    ).finally(() => clearInterval(asking));
    const all = [...clients, reader];
    for (const client of all) client.socket.terminate();
    await until(
      () => all.every((c) => serverEndState(port, c.localPort) === null),
      10_000,
      'the server to let them go',
    );
    return { ...seen, refusal: errorsOf(reader.replies)[0] };
  }

  it('keeps 50 never-reading consumers bounded, and 50 more after them, refusing replays past the queue', async () => {
    // The second flood finds the memory the first one left (V8 keeps an idle heap as it is)
    // and stays within the same bound: nothing piles up from one flood to the next.
    const rounds = [await flood(), await flood()];
    for (const round of rounds) {
      expect(round.slowestMs).toBeLessThan(floodHealthzBoundMs);
      expect(round.peakMb - baselineMb).toBeLessThan(rssGrowthBoundMb);
      // One replay at a time per connection: 8 of the 50 run, 16 wait, the rest are refused,
      // and so is the reader.
      expect(round.refusal).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        message: `${replayQueue} subscriptions are already waiting to replay the event log: retry in a few seconds`,
      });
    }
  }, 60_000);

  it('refuses subscriptions past the cap per connection with TOO_MANY_REQUESTS', async () => {
    const client = await openRawSubscriber(app.url);
    subscribeMany(client, maxSubscriptions + 1, { lastEventId: null });
    await until(() => client.replies.length === maxSubscriptions + 1, 5000, 'every reply');
    expect(client.replies.filter((r) => r.type === 'started')).toHaveLength(maxSubscriptions);
    expect(errorsOf(client.replies)).toEqual([
      {
        id: maxSubscriptions + 1,
        type: 'error',
        code: 'TOO_MANY_REQUESTS',
        message: `This connection already holds ${maxSubscriptions} subscriptions, the most one may: stop one, or open another connection`,
      },
    ]);
    client.socket.send(JSON.stringify({ id: 1, method: 'subscription.stop' }));
    client.subscribe(maxSubscriptions + 2, 'task.events', { lastEventId: null });
    await until(
      () => client.replies.some((r) => r.id === maxSubscriptions + 2),
      5000,
      'a reply once one stopped',
    );
    expect(client.replies.at(-1)).toEqual({ id: maxSubscriptions + 2, type: 'started' });
    await closeClient(client);
  });

  it('refuses connections past the cap per client address with a close reason', async () => {
    const open = await Promise.all(
      Array.from({ length: connectionsPerClient }, () => openRawSubscriber(app.url)),
    );
    const extra = await openRawSubscriber(app.url);
    const closed = await extra.closed;
    expect(closed.code).toBe(1013);
    expect(closed.reason).toMatch(/too many connections from this address/);
    await Promise.all(open.map(closeClient));
    const again = await openRawSubscriber(app.url);
    again.subscribe(1, 'task.events', { lastEventId: null });
    await until(() => again.replies.length > 0, 5000, 'a reply');
    expect(again.replies[0]?.type).toBe('started');
    await closeClient(again);
  });

  it('refuses a lastEventId ahead of the log or not a number, and subscriptions over HTTP', async () => {
    const client = await openRawSubscriber(app.url);
    client.subscribe(1, 'task.events', { lastEventId: String(head + 1) });
    client.subscribe(2, 'task.events', { lastEventId: 'latest' });
    await until(() => errorsOf(client.replies).length === 2, 5000, 'two errors');
    const [ahead, notNumber] = [1, 2].map((id) => client.replies.find((r) => r.id === id));
    expect(ahead?.code).toBe('BAD_REQUEST');
    expect(ahead?.message).toBe(
      `lastEventId ${head + 1} is ahead of the event log (its newest event is ${head}): ` +
        "resubscribe with lastEventId null, or with a page's lastEventId",
    );
    expect(notNumber?.code).toBe('BAD_REQUEST');
    expect(notNumber?.message).toMatch(/lastEventId is an event sequence number/);
    await closeClient(client);

    const input = encodeURIComponent(JSON.stringify({ lastEventId: null }));
    const res = await fetch(`${app.url}/trpc/task.events?input=${input}`, {
      headers: { ...authHeaders(app.url), accept: 'text/event-stream' },
    });
    expect(res.status).toBe(405);
    expect(await res.json()).toMatchObject({
      error: {
        message: 'Subscriptions are served over the WebSocket at /trpc only, not over HTTP',
        data: { code: 'METHOD_NOT_SUPPORTED', httpStatus: 405 },
      },
    });
  });
});

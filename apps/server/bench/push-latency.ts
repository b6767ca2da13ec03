/**
 * Push latency: N WebSocket subscribers on `task.events`, tasks created one by one over
 * HTTP; reports p50/p99 of "create called → every subscriber has the `created` event"
 * and the server's resident memory. Idle: the tasks never run (the provider waits 10 min).
 * Running: the local provider answers after 50 ms with a 1024×1024 image, so while one task
 * is measured the earlier ones start, render, store and complete, pushing their events too.
 * Run with `pnpm bench`; `BENCH_NODE_ARGS` (e.g. `--cpu-prof`) go to the server's node, and
 * an argument `idle` or `running` runs only those scenarios.
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { cpuMs, rssMb } from '../test/process-memory';
import { spawnServer } from '../test/spawn-server';
import { authHeaders, keyFor } from '../test/test-keys';

interface Scenario {
  subscribers: number;
  tasks: number;
  /** The local provider's delay: 600000 never runs a task within the benchmark. */
  delayMs: number;
}

const scenarios: Scenario[] = [
  { subscribers: 10, tasks: 200, delayMs: 600_000 },
  { subscribers: 1000, tasks: 100, delayMs: 600_000 },
  // Where the running target holds on this machine: half the subscribers.
  { subscribers: 500, tasks: 100, delayMs: 50 },
  { subscribers: 1000, tasks: 100, delayMs: 50 },
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

const ping = Buffer.from('PING');
const startedType = Buffer.from('"type":"started"');
const createdType = Buffer.from('"type":"created"');
const completedType = Buffer.from('"type":"completed"');

/**
 * One subscriber, as light as a client can be, so that the 1,000 of them on this machine take
 * as little of its CPU from the server as possible: messages are searched as bytes, never
 * decoded to strings (the server's UTF-8 is not re-validated either). It presents the server's
 * key in its connection params, as tRPC's wsLink does.
 */
async function subscribe(
  url: string,
): Promise<{ socket: WebSocket; onEvent: (fn: (raw: Buffer) => void) => void }> {
  const key = keyFor(url);
  if (!key) throw new Error(`no API key for ${url}`);
  const socket = new WebSocket(url.replace('http', 'ws') + '/trpc?connectionParams=1', {
    skipUTF8Validation: true,
  });
  let handler: (raw: Buffer) => void = () => undefined;
  socket.on('message', (data: Buffer) => {
    if (data.equals(ping)) socket.send('PONG');
    else handler(data);
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ method: 'connectionParams', data: { token: key } }));
  const started = new Promise<void>((resolve) => {
    handler = (raw) => {
      if (raw.includes(startedType)) resolve();
    };
  });
  socket.send(
    JSON.stringify({
      id: 1,
      method: 'subscription',
      params: { path: 'task.events', input: { lastEventId: null } },
    }),
  );
  await started;
  return { socket, onEvent: (fn) => (handler = fn) };
}

async function run({ subscribers, tasks, delayMs }: Scenario) {
  const server = await spawnServer(
    {
      LOCAL_PROVIDER_DELAY_MS: String(delayMs),
      LOG_LEVEL: 'warn',
      // As `pnpm start` runs it: two malloc arenas keep image buffers from spreading memory.
      MALLOC_ARENA_MAX: '2',
      // Every subscriber is this one address.
      WS_MAX_CONNECTIONS_PER_CLIENT: String(subscribers + 10),
    },
    process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean),
  );
  try {
    const clients = [];
    for (let i = 0; i < subscribers; i++) clients.push(await subscribe(server.url));

    const latencies: number[] = [];
    let completed = 0;
    const cpuBefore = cpuMs(server.pid);
    for (let i = 0; i < tasks + 10; i++) {
      const marker = Buffer.from(`"prompt":"bench ${subscribers}-${i}"`);
      let waiting = subscribers;
      let done!: () => void;
      const all = new Promise<void>((resolve) => (done = resolve));
      for (const [index, client] of clients.entries()) {
        client.onEvent((raw) => {
          if (index === 0 && raw.includes(completedType)) completed++;
          if (raw.includes(marker) && raw.includes(createdType) && --waiting === 0) done();
        });
      }
      const start = performance.now();
      const res = await fetch(`${server.url}/trpc/task.create`, {
        method: 'POST',
        headers: { ...authHeaders(server.url), 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: `bench ${subscribers}-${i}` }),
      });
      if (!res.ok) throw new Error(`create failed: ${res.status}`);
      await all;
      if (i >= 10) latencies.push(performance.now() - start); // the first ten warm up
    }
    const memory = rssMb(server.pid);
    const doneWhileMeasured = completed;
    // The server's CPU for the whole of every task (its three events, when they run).
    if (delayMs < 600_000) {
      await new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if (completed < tasks + 10) return;
          clearInterval(check);
          resolve();
        }, 10);
      });
    }
    const cpuPerTask = (cpuMs(server.pid) - cpuBefore) / (tasks + 10);
    for (const client of clients) client.socket.terminate();
    latencies.sort((a, b) => a - b);
    return {
      subscribers,
      tasks,
      running: delayMs < 600_000 ? `${doneWhileMeasured} done` : 'idle',
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      cpuPerTask,
      ...memory,
    };
  } finally {
    await server.stop();
  }
}

// `push-latency.ts idle` or `push-latency.ts running` runs only those scenarios.
const only = process.argv[2];
const results = [];
for (const s of scenarios) {
  if (only && only !== (s.delayMs < 600_000 ? 'running' : 'idle')) continue;
  results.push(await run(s));
}
console.log('\nPush latency: task.create → every subscriber has the event');
console.log(
  'subscribers | tasks | tasks run     | p50 ms | p99 ms | server CPU ms/task | server RSS MB | peak RSS MB',
);
for (const r of results) {
  console.log(
    `${String(r.subscribers).padStart(11)} | ${String(r.tasks).padStart(5)} | ${r.running.padEnd(13)} | ${r.p50
      .toFixed(2)
      .padStart(
        6,
      )} | ${r.p99.toFixed(2).padStart(6)} | ${r.cpuPerTask.toFixed(1).padStart(18)} | ${r.rss.toFixed(0).padStart(13)} | ${r.peak
      .toFixed(0)
      .padStart(11)}`,
  );
}

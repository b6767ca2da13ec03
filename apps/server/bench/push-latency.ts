/**
 * Push latency: N WebSocket subscribers on `task.events`, tasks created one by one over
 * HTTP; reports p50/p99 of "create called → every subscriber has the `created` event"
 * and the server's resident memory. Run with `pnpm bench`.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { spawnServer } from '../test/spawn-server';

const scenarios = [
  { subscribers: 10, tasks: 200 },
  { subscribers: 1000, tasks: 100 },
];

function rssMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function subscribe(
  url: string,
): Promise<{ socket: WebSocket; onEvent: (fn: (raw: string) => void) => void }> {
  const socket = new WebSocket(url.replace('http', 'ws') + '/trpc');
  let handler: (raw: string) => void = () => undefined;
  socket.on('message', (data: Buffer) => {
    const raw = data.toString();
    if (raw === 'PING') socket.send('PONG');
    else handler(raw);
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const started = new Promise<void>((resolve) => {
    handler = (raw) => {
      if (raw.includes('"type":"started"')) resolve();
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

async function run(subscribers: number, tasks: number) {
  const server = await spawnServer(
    { LOCAL_PROVIDER_DELAY_MS: '600000', LOG_LEVEL: 'warn' },
    process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean),
  );
  try {
    const clients = [];
    for (let i = 0; i < subscribers; i++) clients.push(await subscribe(server.url));

    const latencies: number[] = [];
    for (let i = 0; i < tasks + 10; i++) {
      const marker = `"prompt":"bench ${subscribers}-${i}"`;
      let waiting = subscribers;
      let done!: () => void;
      const all = new Promise<void>((resolve) => (done = resolve));
      for (const client of clients) {
        client.onEvent((raw) => {
          if (raw.includes(marker) && raw.includes('"type":"created"') && --waiting === 0) done();
        });
      }
      const start = performance.now();
      const res = await fetch(`${server.url}/trpc/task.create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: `bench ${subscribers}-${i}` }),
      });
      if (!res.ok) throw new Error(`create failed: ${res.status}`);
      await all;
      if (i >= 10) latencies.push(performance.now() - start); // the first ten warm up
    }
    const memory = rssMb(server.pid);
    for (const client of clients) client.socket.terminate();
    latencies.sort((a, b) => a - b);
    return {
      subscribers,
      tasks,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      ...memory,
    };
  } finally {
    await server.stop();
  }
}

const results = [];
for (const s of scenarios) results.push(await run(s.subscribers, s.tasks));
console.log('\nPush latency: task.create → every subscriber has the event');
console.log('subscribers | tasks | p50 ms | p99 ms | server RSS MB | peak RSS MB');
for (const r of results) {
  console.log(
    `${String(r.subscribers).padStart(11)} | ${String(r.tasks).padStart(5)} | ${r.p50.toFixed(2).padStart(6)} | ${r.p99
      .toFixed(2)
      .padStart(6)} | ${r.rss.toFixed(0).padStart(13)} | ${r.peak.toFixed(0).padStart(11)}`,
  );
}

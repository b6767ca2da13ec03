/**
 * Push latency: N WebSocket subscribers on `task.events`, tasks created one by one over
 * HTTP; reports p50/p99 of "create called → every subscriber has the `created` event"
 * and the server's resident memory. Idle: the tasks never run (the provider waits 10 min).
 * Running: the local provider answers after 50 ms with a 1024×1024 image, so while one task
 * is measured the earlier ones start, render, store and complete, pushing their events too.
 * Run with `pnpm bench`; `BENCH_NODE_ARGS` (e.g. `--cpu-prof`) go to the server's node, and
 * an argument `idle` or `running` runs only those scenarios.
 */
import { cpuMs, rssMb } from '../test/process-memory';
import { spawnServer } from '../test/spawn-server';
import { benchServerEnv } from './bench-server-env';
import { latencyStats } from './latency-stats';
import { measurePushes } from './measure-pushes';
import { subscribe } from './subscribe';

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

const warmup = 10;

async function run({ subscribers, tasks, delayMs }: Scenario) {
  const server = await spawnServer(
    benchServerEnv(subscribers, delayMs),
    process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean),
  );
  try {
    const clients = [];
    for (let i = 0; i < subscribers; i++) clients.push(await subscribe(server.url));

    const cpuBefore = cpuMs(server.pid);
    const pushes = await measurePushes({
      urls: [server.url],
      groups: [clients],
      tasks,
      warmup,
      label: String(subscribers),
    });
    const serverCores = (cpuMs(server.pid) - cpuBefore) / pushes.wallMs;
    const memory = rssMb(server.pid);
    const doneWhileMeasured = pushes.completed();
    // The server's CPU for the whole of every task (its three events, when they run).
    if (delayMs < 600_000) await pushes.untilCompleted(tasks + warmup);
    const cpuPerTask = (cpuMs(server.pid) - cpuBefore) / (tasks + warmup);
    for (const client of clients) client.socket.terminate();
    const { p50, p99 } = latencyStats(pushes.samples.map((s) => s.totalMs));
    return {
      subscribers,
      tasks,
      running: delayMs < 600_000 ? `${doneWhileMeasured} done` : 'idle',
      p50,
      p99,
      cpuPerTask,
      serverCores,
      clientCores: pushes.clientCpuMs / pushes.wallMs,
      createdPerSecond: ((tasks + warmup) * 1000) / pushes.wallMs,
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
  'subscribers | tasks | tasks run     | p50 ms | p99 ms | server CPU ms/task | server RSS MB | peak RSS MB | cores: server, clients | created/s',
);
for (const r of results) {
  console.log(
    `${String(r.subscribers).padStart(11)} | ${String(r.tasks).padStart(5)} | ${r.running.padEnd(13)} | ${r.p50
      .toFixed(2)
      .padStart(
        6,
      )} | ${r.p99.toFixed(2).padStart(6)} | ${r.cpuPerTask.toFixed(1).padStart(18)} | ${r.rss.toFixed(0).padStart(13)} | ${r.peak
      .toFixed(0)
      .padStart(
        11,
      )} | ${r.serverCores.toFixed(2)}, ${r.clientCores.toFixed(2)} | ${r.createdPerSecond.toFixed(1)}`,
  );
}

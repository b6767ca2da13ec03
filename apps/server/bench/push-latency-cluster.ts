/**
 * Push latency across two instances (`CLUSTER=true` on one DATA_DIR): N WebSocket subscribers
 * on `task.events`, half on each instance, tasks created one by one over HTTP, alternately on
 * each, while they run on the local provider (50 ms, 1024×1024 images) as in the single-process
 * "running" case of push-latency.ts, and timed the same way: from the create call until every
 * subscriber has the `created` event. Per task it also times each instance's subscribers,
 * so that an event committed by their own instance (woken at once) and one committed by the
 * other (found by its poll of the shared log) are told apart.
 *
 *   push-latency-cluster.ts [--poll 25,10,5] [--runs 1] [--subscribers 1000] [--tasks 100] [--idle]
 *
 * `--idle`: the tasks never run (as the single-process "idle" case), so only the fan-out is timed.
 *
 * `BENCH_NODE_ARGS` (e.g. `--cpu-prof`) go to both servers' node.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { cpuMs, rssMb } from '../test/process-memory';
import { spawnServer } from '../test/spawn-server';
import { benchServerEnv } from './bench-server-env';
import { latencyStats } from './latency-stats';
import { measurePushes, type PushSample } from './measure-pushes';
import { subscribe, type BenchSubscriber } from './subscribe';

const options = z
  .object({
    poll: z
      .string()
      .transform((list) => list.split(',').map(Number))
      .pipe(z.array(z.number().int().min(5).max(5000)).min(1)),
    runs: z.coerce.number().int().min(1),
    subscribers: z.coerce.number().int().min(2),
    tasks: z.coerce.number().int().min(1),
    idle: z.boolean(),
  })
  .parse(
    parseArgs({
      options: {
        poll: { type: 'string', default: '25,10,5' },
        runs: { type: 'string', default: '1' },
        subscribers: { type: 'string', default: '1000' },
        tasks: { type: 'string', default: '100' },
        idle: { type: 'boolean', default: false },
      },
    }).values,
  );

// The local provider's delay: 600000 never runs a task within the benchmark.
const delayMs = options.idle ? 600_000 : 50;
const warmup = 10;
const names = ['A', 'B'] as const;

async function run(pollMs: number, runIndex: number) {
  const env = {
    ...benchServerEnv(options.subscribers, delayMs),
    CLUSTER: 'true',
    CLUSTER_POLL_MS: String(pollMs),
  };
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean);
  const a = await spawnServer(env, nodeArgs);
  try {
    // B opens A's data directory and signs in with A's admin key.
    const b = await spawnServer(env, nodeArgs, { sharing: a });
    const servers = [a, b];
    try {
      const groups: BenchSubscriber[][] = [[], []];
      for (let i = 0; i < options.subscribers; i++) {
        const on = i % 2;
        groups[on]?.push(await subscribe(servers[on]?.url ?? ''));
      }
      const cpuBefore = servers.map((s) => cpuMs(s.pid));
      const pushes = await measurePushes({
        urls: servers.map((s) => s.url),
        groups,
        tasks: options.tasks,
        warmup,
        label: `cluster-${pollMs}-${runIndex}`,
      });
      const cores = servers.map((s, k) => (cpuMs(s.pid) - (cpuBefore[k] ?? 0)) / pushes.wallMs);
      const memory = servers.map((s) => rssMb(s.pid));
      const doneWhileMeasured = pushes.completed();
      if (!options.idle) await pushes.untilCompleted(options.tasks + warmup);
      const cpuPerTask =
        servers.reduce((sum, s, k) => sum + cpuMs(s.pid) - (cpuBefore[k] ?? 0), 0) /
        (options.tasks + warmup);
      for (const client of groups.flat()) client.socket.terminate();
      return {
        pollMs,
        run: runIndex,
        doneWhileMeasured,
        samples: pushes.samples,
        cpuPerTask,
        cores,
        clientCores: pushes.clientCpuMs / pushes.wallMs,
        createdPerSecond: ((options.tasks + warmup) * 1000) / pushes.wallMs,
        memory,
      };
    } finally {
      await b.stop();
    }
  } finally {
    await a.stop();
  }
}

type Result = Awaited<ReturnType<typeof run>>;

const ms = (value: number) => value.toFixed(1).padStart(6);
const statsCells = (values: number[]) => {
  const { p50, p99, max } = latencyStats(values);
  return `${ms(p50)} | ${ms(p99)} | ${ms(max)}`;
};

/** Latencies of one group of subscribers, for the events committed on `by` (all when null). */
const groupTimes = (samples: PushSample[], group: number, by: (createdOn: number) => boolean) =>
  samples.filter((s) => by(s.createdOn)).map((s) => s.groupMs[group] ?? NaN);

function printRun(r: Result) {
  const half = options.subscribers / 2;
  console.log(
    `\nCLUSTER_POLL_MS ${r.pollMs}, run ${r.run}: ${options.subscribers} subscribers (${half} on A, ${half} on B), ` +
      `${options.tasks} tasks created alternately on A and B, ${options.idle ? 'idle (never run)' : `${r.doneWhileMeasured} completed while measured`}`,
  );
  console.log('subscribers     | events committed by | tasks | p50 ms | p99 ms | max ms');
  const row = (who: string, by: string, values: number[]) =>
    console.log(
      `${who.padEnd(15)} | ${by.padEnd(19)} | ${String(values.length).padStart(5)} | ${statsCells(values)}`,
    );
  row(
    'all',
    'either',
    r.samples.map((s) => s.totalMs),
  );
  row('same instance', 'their own', [
    ...names.flatMap((_, g) => groupTimes(r.samples, g, (on) => on === g)),
  ]);
  row('other instance', 'the other', [
    ...names.flatMap((_, g) => groupTimes(r.samples, g, (on) => on !== g)),
  ]);
  for (const [g, name] of names.entries()) {
    for (const [on, by] of names.entries()) {
      row(
        `on ${name}`,
        `${by}${on === g ? ' (same)' : ' (other)'}`,
        groupTimes(r.samples, g, (c) => c === on),
      );
    }
  }
  console.log('process | CPU cores while measured | RSS MB | peak RSS MB');
  for (const [k, name] of names.entries()) {
    const memory = r.memory[k];
    console.log(
      `${name.padEnd(7)} | ${(r.cores[k] ?? NaN).toFixed(2).padStart(24)} | ${(memory?.rss ?? NaN).toFixed(0).padStart(6)} | ${(memory?.peak ?? NaN).toFixed(0).padStart(11)}`,
    );
  }
  console.log(
    `clients | ${r.clientCores.toFixed(2).padStart(24)} |        |\nserver CPU per task (A + B): ${r.cpuPerTask.toFixed(1)} ms; tasks created ${r.createdPerSecond.toFixed(1)}/s`,
  );
}

const results: Result[] = [];
for (const pollMs of options.poll) {
  for (let i = 1; i <= options.runs; i++) {
    const result = await run(pollMs, i);
    printRun(result);
    results.push(result);
  }
}
console.log('\nPush latency, two instances: task.create → every subscriber has the event');
console.log(
  'poll ms | run | all p50 | all p99 | all max | same p99 | other p99 | CPU ms/task | RSS MB A, B | peak MB A, B | cores A, B, clients | created/s',
);
for (const r of results) {
  const all = latencyStats(r.samples.map((s) => s.totalMs));
  const same = latencyStats(r.samples.map((s) => s.groupMs[s.createdOn] ?? NaN));
  const other = latencyStats(r.samples.map((s) => s.groupMs[1 - s.createdOn] ?? NaN));
  const mb = (pick: (m: { rss: number; peak: number }) => number) =>
    r.memory.map((m) => pick(m).toFixed(0)).join(', ');
  console.log(
    [
      String(r.pollMs).padStart(7),
      String(r.run).padStart(3),
      ms(all.p50).padStart(7),
      ms(all.p99).padStart(7),
      ms(all.max).padStart(7),
      ms(same.p99).padStart(8),
      ms(other.p99).padStart(9),
      r.cpuPerTask.toFixed(1).padStart(11),
      mb((m) => m.rss).padStart(11),
      mb((m) => m.peak).padStart(12),
      [...r.cores, r.clientCores]
        .map((c) => c.toFixed(2))
        .join(', ')
        .padEnd(19),
      r.createdPerSecond.toFixed(1),
    ].join(' | '),
  );
}

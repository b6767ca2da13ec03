import { performance } from 'node:perf_hooks';
import { authHeaders } from '../test/test-keys';
import type { BenchSubscriber } from './subscribe';

const createdType = Buffer.from('"type":"created"');
const completedType = Buffer.from('"type":"completed"');

export interface PushSample {
  /** The index in `urls` of the server whose `task.create` committed the event. */
  createdOn: number;
  /** From the create call until its reply is in and every subscriber has the `created` event. */
  totalMs: number;
  /** Per group of subscribers: from the create call until every one of the group has it. */
  groupMs: number[];
}

export interface PushRun {
  /** One per measured task (the warm-up ones are left out). */
  samples: PushSample[];
  /** The whole loop, warm-up included, and the CPU this process (the clients) used in it. */
  wallMs: number;
  clientCpuMs: number;
  /** Resolves once the first subscriber has seen `count` `completed` events (of any task). */
  untilCompleted(count: number): Promise<void>;
  /** How many it has seen so far. */
  completed(): number;
}

/**
 * Creates tasks one by one over HTTP, round-robin on `urls`, and times each until every
 * subscriber in `groups` has its `created` event; the next task is created only then.
 */
export async function measurePushes(options: {
  urls: string[];
  groups: BenchSubscriber[][];
  tasks: number;
  warmup: number;
  /** Makes the prompts, by which the events are told apart, unique to this run. */
  label: string;
}): Promise<PushRun> {
  const { urls, groups, tasks, warmup, label } = options;
  const first = groups[0]?.[0];
  if (!first || groups.some((group) => group.length === 0)) throw new Error('an empty group');
  let completed = 0;
  const samples: PushSample[] = [];
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  for (let i = 0; i < warmup + tasks; i++) {
    const createdOn = i % urls.length;
    const prompt = `bench ${label}-${i}`;
    const marker = Buffer.from(`"prompt":"${prompt}"`);
    const groupMs = groups.map(() => NaN);
    let start = 0;
    const arrivals = groups.map(
      (group, g) =>
        new Promise<void>((resolve) => {
          let waiting = group.length;
          for (const client of group) {
            client.onEvent((raw) => {
              if (client === first && raw.includes(completedType)) completed++;
              if (raw.includes(marker) && raw.includes(createdType) && --waiting === 0) {
                groupMs[g] = performance.now() - start;
                resolve();
              }
            });
          }
        }),
    );
    start = performance.now();
    const url = urls[createdOn] ?? '';
    const res = await fetch(`${url}/trpc/task.create`, {
      method: 'POST',
      headers: { ...authHeaders(url), 'content-type': 'application/json' },
      body: JSON.stringify({ prompt }),
    });
    if (!res.ok) throw new Error(`create failed: ${res.status}`);
    await Promise.all(arrivals);
    if (i >= warmup) samples.push({ createdOn, totalMs: performance.now() - start, groupMs });
  }
  const wallMs = performance.now() - wallStart;
  const cpu = process.cpuUsage(cpuStart);
  return {
    samples,
    wallMs,
    clientCpuMs: (cpu.user + cpu.system) / 1000,
    completed: () => completed,
    untilCompleted: (count) =>
      new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if (completed < count) return;
          clearInterval(check);
          resolve();
        }, 10);
      }),
  };
}

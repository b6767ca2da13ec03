/**
 * KIE.ai callback → `completed` at a subscriber: the callback, the recordInfo confirmation,
 * the download and thumbnail of a 1024×1024 PNG served by the fake, the commit, the push.
 */
import { performance } from 'node:perf_hooks';
import { startFakeKie } from '../test/fake-kie';
import { freePort } from '../test/spawn-server';
import { connectClient, startTestServer } from '../test/test-server';

const runs = 40;
const kie = await startFakeKie();
const port = await freePort();
const server = await startTestServer(
  {
    KIE_API_KEY: kie.apiKey,
    KIE_BASE_URL: kie.url,
    KIE_UPLOAD_BASE_URL: kie.uploadUrl,
    INGEST_ALLOW_HOSTS: new URL(kie.url).host,
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
  },
  { port },
);
Object.assign(kie.behaviour, { callbacks: 1, callbackDelayMs: 30, pollsToFinish: 1 });
const { client, ws } = connectClient(server.url);
const completedAt = new Map<string, number>();
const sub = client.task.events.subscribe(
  { lastEventId: null },
  {
    onData: ({ data }) =>
      void (data.type === 'completed' && completedAt.set(data.task.id, performance.now())),
  },
);
const latencies: number[] = [];
for (let i = 0; i < runs; i++) {
  const task = await client.task.create.mutate({ provider: 'kie', prompt: `bench ${i}` });
  while (!completedAt.has(task.id)) await new Promise((r) => setTimeout(r, 2));
  const kieTask = [...kie.tasks.values()].at(-1);
  const sent = kieTask ? kie.callbackSentAt.get(kieTask.id) : undefined;
  if (sent !== undefined && i >= 5) latencies.push(completedAt.get(task.id)! - sent);
}
sub.unsubscribe();
await ws.close();
await server.close();
await kie.close();
latencies.sort((a, b) => a - b);
const at = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)]!;
console.log(
  '\nKIE.ai callback → completed at a subscriber (confirm, download 1024×1024 PNG, thumbnail, commit, push)',
);
console.log(
  `runs ${latencies.length}  p50 ${at(0.5).toFixed(1)} ms  p95 ${at(0.95).toFixed(1)} ms  (target p50 ≤ 100 ms)`,
);

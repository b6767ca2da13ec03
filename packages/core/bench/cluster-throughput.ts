/**
 * Queue throughput with one and with two scheduler processes sharing one SQLite file
 * (`CLUSTER=true`): tasks queued up front, an instant provider, create → completed with
 * every event persisted. Run with `pnpm bench` from the repository root.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { count, eq } from 'drizzle-orm';
import { createDb, taskEvents, tasks } from '@genhub/db';
import { createTask, createTaskInput } from '../src/index';
import { createTestContext } from '../src/testing';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const instanceScript = fileURLToPath(new URL('./queue-instance.ts', import.meta.url));
const queued = 3000;

function startInstance(file: string, id: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', instanceScript, file, id, String(queued)],
    {
      cwd: packageDir,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`instance ${id} exited early (${code})`)));
  });
  const exited = new Promise<number>((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0
        ? resolve(Number(/done (\d+)/.exec(out)?.[1] ?? 0))
        : reject(new Error(`instance ${id}: ${code}`)),
    ),
  );
  return { child, ready, exited };
}

async function run(instances: number) {
  const dir = mkdtempSync(join(tmpdir(), 'genhub-cluster-bench-'));
  const file = join(dir, 'genhub.sqlite');
  const setup = await createTestContext({ db: createDb(file), clock: 'system' });
  const input = createTaskInput.parse({ prompt: 'bench' });
  for (let i = 0; i < queued; i++) await createTask(setup.ctx, input);
  await setup.close();
  const children = Array.from({ length: instances }, (_, i) =>
    startInstance(file, `bench-${i + 1}`),
  );
  await Promise.all(children.map((c) => c.ready));
  const start = performance.now();
  for (const c of children) c.child.stdin.write('go\n');
  const ran = await Promise.all(children.map((c) => c.exited));
  const seconds = (performance.now() - start) / 1000;
  const check = createDb(file);
  const completed =
    check.db.select({ n: count() }).from(tasks).where(eq(tasks.status, 'completed')).get()?.n ?? 0;
  const events = check.db.select({ n: count() }).from(taskEvents).get()?.n ?? 0;
  await check.close();
  rmSync(dir, { recursive: true, force: true });
  // created, started, completed: each task once, whichever instance ran it.
  if (completed !== queued || events !== queued * 3)
    throw new Error(
      `expected ${queued} completed and ${queued * 3} events, found ${completed} and ${events}`,
    );
  return { instances, seconds, perSecond: queued / seconds, ran };
}

const one = await run(1);
const two = await run(2);
console.log(`\nQueue throughput across processes on one SQLite file (${cpus().length} cores)`);
for (const r of [one, two]) {
  console.log(
    `${String(r.instances)} instance${r.instances > 1 ? 's' : ' '}  ${queued} tasks  ${r.seconds.toFixed(2)} s  ${r.perSecond.toFixed(0)} tasks/s  (ran: ${r.ran.join(' + ')})`,
  );
}
console.log(`2 instances / 1 instance: ${(two.perSecond / one.perSecond).toFixed(2)}×`);

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asc } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, taskEvents, tasks } from '@genhub/db';
import { createTaskInput } from '../schemas';
import { createTask } from '../tasks/create-task';
import { createTestContext, until } from '../testing';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const instanceScript = fileURLToPath(new URL('../testing/claiming-instance.ts', import.meta.url));

interface Work {
  /** Tasks the instance creates itself. */
  own: number;
  /** Completed tasks after which it exits. */
  total: number;
  leaseMs: number;
}

function startInstance(file: string, id: string, log: string, work: Work) {
  const counts = [work.own, work.total, work.leaseMs].map(String);
  const args = ['--import', 'tsx', instanceScript, file, id, log, ...counts];
  const child = spawn(process.execPath, args, {
    cwd: packageDir,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`instance ${id} exited early (${code})`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, ready, exited };
}

/** The most provider calls under way at once, from every process's log of its calls. */
function mostAtOnce(lines: string[]): number {
  const marks = lines
    .map((line) => line.split(' '))
    .map(([ns, what]) => ({ at: BigInt(ns ?? '0'), delta: what === 'start' ? 1 : -1 }))
    // At the same instant an end comes first: that call was over.
    .sort((a, b) => (a.at === b.at ? a.delta - b.delta : a.at < b.at ? -1 : 1));
  let running = 0;
  let most = 0;
  for (const mark of marks) most = Math.max(most, (running += mark.delta));
  return most;
}

/** Two schedulers in two processes on one SQLite file, claiming from one queue at once. */
describe('claims across processes', () => {
  const children: ChildProcess[] = [];
  let dir = '';
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('never run more of a provider at once than its cap, and run each task once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'genhub-processes-'));
    const file = join(dir, 'genhub.sqlite');
    const log = join(dir, 'calls.log');
    // Migrated once, here, before the instances open it.
    await (await createTestContext({ db: createDb(file), clock: 'system' })).close();
    // Each instance is given work of its own, about as fast as two slots serve it, and claims
    // it when the provider has room across both.
    const work = { own: 21, total: 42, leaseMs: 10_000 };
    const instances = ['A', 'B'].map((id) => startInstance(file, id, log, work));
    children.push(...instances.map((i) => i.child));
    await Promise.all(instances.map((i) => i.ready));
    for (const { child } of instances) child.stdin?.end('go\n');
    expect(await Promise.all(instances.map((i) => i.exited))).toEqual([0, 0]);

    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines.filter((line) => line.includes(' start '))).toHaveLength(42);
    // Never more than two at once between them. (Which instance ran how many varies: one
    // whose run ends refills its slot at once, so one may keep both while the other's
    // claims find the provider full.)
    expect(mostAtOnce(lines)).toBe(2);

    const histories = await historiesOf(file);
    expect(histories.size).toBe(42);
    for (const events of histories.values()) {
      expect(events).toEqual(['created', 'started', 'completed']);
    }
  }, 60_000);

  it('survive a kill -9: the other instance takes the cut-off tasks over, each ending once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'genhub-processes-'));
    const file = join(dir, 'genhub.sqlite');
    const log = join(dir, 'calls.log');
    const seed = await createTestContext({ db: createDb(file), clock: 'system' });
    for (let i = 0; i < 30; i++)
      await createTask(seed.ctx, createTaskInput.parse({ prompt: `k${i}` }));
    await seed.close();

    const work = { own: 0, total: 30, leaseMs: 900 };
    const [a, b] = ['A', 'B'].map((id) => startInstance(file, id, log, work));
    if (!a || !b) throw new Error('two instances');
    children.push(a.child, b.child);
    await Promise.all([a.ready, b.ready]);
    a.child.stdin?.end('go\n');
    // A alone runs for a while; then B joins, and A is killed in the middle of its runs.
    const startsOfA = () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => line.endsWith('start A'));
    await until(() => existsSync(log) && startsOfA().length >= 6, 20_000, 'A under way');
    b.child.stdin?.end('go\n');
    a.child.kill('SIGKILL');
    expect(await b.exited).toBe(0);

    const histories = await historiesOf(file);
    expect(histories.size).toBe(30);
    const cutOff = [...histories.values()].filter((events) => events.includes('requeued'));
    for (const events of histories.values()) {
      expect(events.filter((type) => type === 'completed')).toHaveLength(1);
      expect(events.at(-1)).toBe('completed');
    }
    // What A was running when it died was requeued by B and run again there.
    expect(cutOff.length).toBeGreaterThan(0);
    for (const events of cutOff) {
      expect(events).toEqual(['created', 'started', 'requeued', 'started', 'completed']);
    }
  }, 60_000);
});

/** Every task's event types, in order, by task. */
async function historiesOf(file: string): Promise<Map<string, string[]>> {
  const t = await createTestContext({ db: createDb(file), clock: 'system' });
  try {
    const histories = new Map<string, string[]>();
    for (const { id } of t.ctx.db.select({ id: tasks.id }).from(tasks).all()) histories.set(id, []);
    const events = t.ctx.db
      .select({ taskId: taskEvents.taskId, type: taskEvents.type })
      .from(taskEvents)
      .orderBy(asc(taskEvents.seq))
      .all();
    for (const event of events) histories.get(event.taskId)?.push(event.type);
    return histories;
  } finally {
    await t.close();
  }
}

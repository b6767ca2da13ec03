/**
 * One scheduler instance in a process of its own, for the tests of claims across processes:
 *
 *     node --import tsx claiming-instance.ts <db> <instance id> <log> <tasks> <total> <lease ms>
 *
 * Once ready it says so (`ready` on stdout) and waits for a line on stdin. Then it creates
 * `<tasks>` tasks, about one every 50 ms, runs them and the other instances' on a provider
 * whose every call is logged (`<monotonic ns> start|end <instance>`), and exits once `<total>`
 * tasks have completed.
 */
import { appendFileSync } from 'node:fs';
import { countTasksByState, createDb } from '@genhub/db';
import { createLocalAdapter } from '../providers/local/local-adapter';
import type { SyncAdapter } from '../providers/types';
import { createTaskInput } from '../schemas';
import { createTask } from '../tasks/create-task';
import { createTestContext } from './index';

const [file, instanceId, logFile, own, total, leaseMs] = process.argv.slice(2);
if (!file || !instanceId || !logFile || !own || !total || !leaseMs) {
  throw new Error('usage: <db file> <instance id> <log file> <tasks> <total> <lease ms>');
}

const local = createLocalAdapter({ delayMs: 0 });
const note = (what: string) =>
  appendFileSync(logFile, `${process.hrtime.bigint()} ${what} ${instanceId}\n`);
const logged: SyncAdapter = {
  ...local,
  async generate(request) {
    note('start');
    try {
      await new Promise((resolve) => setTimeout(resolve, 25));
      return await local.generate(request);
    } finally {
      note('end');
    }
  },
};

const t = await createTestContext({
  db: createDb(file),
  clock: 'system',
  adapters: [logged],
  concurrencyPerProvider: 2,
  scheduler: { instanceId, cluster: true, leaseMs: Number(leaseMs) },
});
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.pause();
t.scheduler.start();
const completed = async () =>
  (await countTasksByState(t.ctx.data, undefined))
    .filter((count) => count.status === 'completed')
    .reduce((sum, count) => sum + count.count, 0);
let made = 0;
let nextAt = Date.now();
// Tasks created elsewhere, and slots the other instance frees, are not announced here (no
// shared event bus): look often.
while ((await completed()) < Number(total)) {
  if (made < Number(own) && Date.now() >= nextAt) {
    await createTask(t.ctx, createTaskInput.parse({ prompt: `${instanceId} ${made++}` }));
    nextAt = Date.now() + 25 + Math.random() * 50;
  }
  t.scheduler.poke();
  await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 6));
}
await t.close();

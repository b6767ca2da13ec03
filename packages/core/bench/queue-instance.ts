/**
 * One scheduler in a process of its own, for the cluster throughput benchmark:
 *
 *     node --import tsx queue-instance.ts <db file> <instance id> <total>
 *
 * Says `ready` on stdout, waits for a line on stdin, then runs the shared queue (an instant
 * provider answering distinct 8×8 PNGs) until `<total>` tasks are completed, and exits.
 */
import { eq, count } from 'drizzle-orm';
import sharp from 'sharp';
import { createDb, tasks } from '@genhub/db';
import { configureSharp, createLocalAdapter } from '../src/index';
import { createTestContext } from '../src/testing';

const [file, instanceId, total] = process.argv.slice(2);
if (!file || !instanceId || !total) throw new Error('usage: <db file> <instance id> <total>');
configureSharp();
const local = createLocalAdapter({ delayMs: 0 });
let made = 0;
const seed = Number.parseInt(instanceId.replace(/\D/g, '') || '0', 10);
const t = await createTestContext({
  db: createDb(file),
  clock: 'system',
  concurrencyPerProvider: 16,
  adapters: [
    {
      ...local,
      generate: async () => {
        const i = made++;
        const png = await sharp({
          create: {
            width: 8,
            height: 8,
            channels: 3,
            background: { r: i & 255, g: (i >> 8) & 255, b: seed },
          },
        })
          .png()
          .toBuffer();
        return { images: [png] };
      },
    },
  ],
  scheduler: { instanceId, cluster: true },
});
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.pause();
t.scheduler.start();
const completed = () =>
  t.ctx.db.select({ n: count() }).from(tasks).where(eq(tasks.status, 'completed')).get()?.n ?? 0;
// The other instance's completions free slots this one does not hear of: look now and then.
while (completed() < Number(total)) {
  t.scheduler.poke();
  await new Promise((resolve) => setTimeout(resolve, 20));
}
process.stdout.write(`done ${made}\n`);
await t.close();

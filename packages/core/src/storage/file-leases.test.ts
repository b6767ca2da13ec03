import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { generations, tasks } from '@genhub/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepExpired } from '../engine/retention';
import { emptyTrash } from '../gallery/empty-trash';
import { trashTasks } from '../gallery/trash-tasks';
import { createTaskInput } from '../schemas';
import { createTask } from '../tasks/create-task';
import { createTestContext, gate, until, type TestContext } from '../testing';
import { FileLeases } from './file-leases';

let t: TestContext;
/** Opens whatever a failed test left held, so that the scheduler can stop. */
let release = () => undefined as void;
afterEach(async () => {
  release();
  await t.close();
});

const statusOf = (id: string) =>
  t.ctx.db.select({ status: tasks.status }).from(tasks).where(eq(tasks.id, id)).get()?.status;
const imagesOf = (id: string) =>
  t.ctx.db.select().from(generations).where(eq(generations.taskId, id)).all();

/** Holds the next write of `file` after its bytes are on disk, until the gate opens. */
function holdWriteOf(file: string) {
  const storage = t.ctx.storage;
  const held = gate();
  release = held.open;
  let reached = false;
  t.ctx.storage = {
    ...storage,
    get: (name) => storage.get(name),
    has: (name) => storage.has(name),
    delete: (name) => storage.delete(name),
    url: (name) => storage.url(name),
    async put(name, bytes) {
      await storage.put(name, bytes);
      if (name === file && !reached) {
        reached = true;
        await held.wait;
      }
    },
  };
  return { reached: () => reached, open: held.open };
}

const deleters = {
  'emptying the trash': async (id: string) => {
    await trashTasks(t.ctx, [id]);
    return emptyTrash(t.ctx);
  },
  // Only the first task is old enough to go.
  'the retention sweep': () => sweepExpired(t.ctx, { retentionDays: 1, failedRetentionHours: 24 }),
};

describe('one owner of the files in use', () => {
  it.each(Object.keys(deleters) as (keyof typeof deleters)[])(
    'keeps a file a running task has just stored through %s of another task with the same bytes',
    async (which) => {
      t = await createTestContext();
      t.scheduler.start();
      const input = createTaskInput.parse({ prompt: 'the same picture', seed: 7 });
      const first = await createTask(t.ctx, input);
      await until(() => statusOf(first.id) === 'completed', 10_000, 'the first task');
      const [image] = imagesOf(first.id);
      if (!image) throw new Error('the first task stored no image');
      t.clock.advance(2 * 86_400_000);

      // The second task makes the same bytes; its run stops after writing, before completing.
      const write = holdWriteOf(image.file);
      const second = await createTask(t.ctx, input);
      await until(write.reached, 10_000, 'the second task to write its file');
      expect(statusOf(second.id)).toBe('processing');

      expect(await deleters[which](first.id)).toBe(1);
      expect(imagesOf(first.id)).toEqual([]);
      expect(existsSync(join(t.filesDir, image.file))).toBe(true);

      write.open();
      await until(() => statusOf(second.id) === 'completed', 10_000, 'the second task');
      const [kept] = imagesOf(second.id);
      expect(kept?.file).toBe(image.file);
      const { width } = await sharp(await t.ctx.storage.get(image.file)).metadata();
      expect(width).toBe(kept?.width);
      expect(await t.ctx.storage.has(image.thumbFile)).toBe(true);
    },
  );
});

describe('FileLeases', () => {
  beforeEach(async () => {
    t = await createTestContext();
  });

  it('makes a hold that comes while a delete is under way wait for it', async () => {
    const leases = new FileLeases();
    const removal = gate();
    const order: string[] = [];
    const discarding = leases.discard(
      'abc',
      () => false,
      async () => {
        await removal.wait;
        order.push('deleted');
      },
    );
    const holding = leases.hold('abc').then(() => order.push('held'));
    expect(leases.isHeld('abc')).toBe(true);
    removal.open();
    expect(await discarding).toBe(true);
    await holding;
    expect(order).toEqual(['deleted', 'held']);
    // Held now: a discard leaves it alone until it is released.
    expect(
      await leases.discard(
        'abc',
        () => false,
        () => Promise.resolve(),
      ),
    ).toBe(false);
    leases.release('abc');
    expect(
      await leases.discard(
        'abc',
        () => true,
        () => Promise.resolve(),
      ),
    ).toBe(false);
    expect(
      await leases.discard(
        'abc',
        () => false,
        () => Promise.resolve(),
      ),
    ).toBe(true);
  });

  it('makes a hold that comes while the rows are read wait for the decision', async () => {
    const leases = new FileLeases();
    const reading = gate();
    const order: string[] = [];
    const discard = (found: boolean) =>
      leases.discard(
        'abc',
        async () => {
          await reading.wait;
          order.push('read');
          return found;
        },
        () => Promise.resolve(void order.push('deleted')),
      );
    let discarding = discard(false);
    let holding = leases.hold('abc').then(() => order.push('held'));
    reading.open();
    expect(await discarding).toBe(true);
    await holding;
    expect(order).toEqual(['read', 'deleted', 'held']);
    leases.release('abc');

    // A row found: the file stays, and the hold goes on once the read is done.
    order.length = 0;
    discarding = discard(true);
    holding = leases.hold('abc').then(() => order.push('held'));
    expect(await discarding).toBe(false);
    await holding;
    expect(order).toEqual(['read', 'held']);
  });

  it('counts holds, and a failed delete does not fail the hold that waited for it', async () => {
    const leases = new FileLeases();
    const failing = leases.discard(
      'x',
      () => false,
      () => Promise.reject(new Error('disk')),
    );
    const holding = leases.hold('x');
    await expect(failing).rejects.toThrow('disk');
    await expect(holding).resolves.toBeUndefined();
    await leases.hold('x');
    leases.release('x');
    expect(leases.isHeld('x')).toBe(true);
    leases.release('x');
    expect(leases.isHeld('x')).toBe(false);
  });
});

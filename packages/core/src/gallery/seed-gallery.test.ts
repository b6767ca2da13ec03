import { generations, tasks } from '@genhub/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dimensionsOf, type AspectRatio } from '../schemas';
import { createTestContext, type TestContext } from '../testing';
import { seedGallery } from './seed-gallery';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(() => t.close());

describe('seedGallery', () => {
  it('seeds pictures in varied shapes that match their tasks, some tasks with several', async () => {
    await seedGallery(t.ctx, 200);
    const seeded = t.ctx.db.select().from(tasks).all();
    const made = t.ctx.db.select().from(generations).all();
    expect(seeded).toHaveLength(200);
    const shapes = new Set(seeded.map((task) => task.aspectRatio));
    for (const shape of ['1:1', '16:9', '9:16', '21:9', '3:4']) expect(shapes).toContain(shape);
    for (const task of seeded) {
      const own = made.filter((g) => g.taskId === task.id);
      if (task.status === 'failed') {
        expect(own).toHaveLength(0);
        continue;
      }
      expect(own).toHaveLength(task.count);
      const wanted = dimensionsOf(task.aspectRatio as AspectRatio);
      for (const g of own) {
        expect(g.width / g.height).toBeCloseTo(wanted.width / wanted.height, 1);
      }
    }
    const counts = new Set(seeded.map((task) => task.count));
    expect([...counts].sort()).toEqual([1, 2, 3, 4]);
  });
});

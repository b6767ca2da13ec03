import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { assets, generations, tasks } from '@genhub/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assetFromGeneration } from '../assets/asset-from-generation';
import { createAsset } from '../assets/create-asset';
import type { CoreContext } from '../context';
import { createTaskInput, maxChainNodes } from '../schemas';
import { createTestContext, fakeClock, type FakeClock, type TestContext } from '../testing';
import { createTask } from './create-task';
import { getTaskChain } from './get-task-chain';
import { retryTask } from './retry-task';
import { trashTasks } from '../gallery/trash-tasks';
import { newId } from '../ids';

let t: TestContext;
let clock: FakeClock;
let alice: CoreContext;
let upload: { file: string };
beforeEach(async () => {
  clock = fakeClock(Date.UTC(2026, 5, 1));
  t = await createTestContext({ clock });
  alice = { ...t.ctx, owner: 'alice' };
  const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#4a7' } })
    .png()
    .toBuffer();
  const asset = await createAsset(alice, png);
  const row = t.ctx.db.select().from(assets).where(eq(assets.id, asset.id)).get();
  if (!row) throw new Error('no asset row');
  upload = row;
});
afterEach(() => t.close());

/** A finished task with one image (the scheduler is not running); returns its generation id. */
function finish(taskId: string): string {
  clock.advance(1000);
  const id = newId(clock.now());
  t.ctx.db
    .insert(generations)
    .values({
      id,
      taskId,
      index: 0,
      file: upload.file,
      thumbFile: upload.file,
      width: 32,
      height: 24,
      mime: 'image/png',
      bytes: 1,
      sha256: 'x',
      createdAt: clock.now(),
    })
    .run();
  t.ctx.db.update(tasks).set({ status: 'completed' }).where(eq(tasks.id, taskId)).run();
  return id;
}

async function generate(
  ctx: CoreContext,
  prompt: string,
): Promise<{ task: string; image: string }> {
  clock.advance(1000);
  const task = (await createTask(ctx, createTaskInput.parse({ prompt, provider: 'local' }))).id;
  return { task, image: finish(task) };
}

/** "Edit this": the generation becomes an asset, and an edit takes it as its input. */
async function editOf(ctx: CoreContext, generationId: string, prompt: string) {
  clock.advance(1000);
  const asset = await assetFromGeneration(ctx, generationId);
  const task = await createTask(
    ctx,
    createTaskInput.parse({ operation: 'edit', prompt, provider: 'local', assetIds: [asset.id] }),
  );
  return { task: task.id, parent: task.parentGenerationId, image: finish(task.id) };
}

describe('edit chains', () => {
  it('stamps an edit with the generation its first input was made from', async () => {
    const root = await generate(alice, 'a lighthouse');
    const step = await editOf(alice, root.image, 'at night');
    expect(step.parent).toBe(root.image);
    // An uploaded input starts no chain.
    const plain = await createTask(
      alice,
      createTaskInput.parse({
        operation: 'edit',
        prompt: 'x',
        provider: 'local',
        assetIds: [
          (
            await createAsset(
              alice,
              Buffer.from(
                await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
                  .png()
                  .toBuffer(),
              ),
            )
          ).id,
        ],
      }),
    );
    expect(plain.parentGenerationId).toBeNull();
    expect(root.task).not.toBe(step.task);
  });

  it('returns the whole tree from any step: the root, every edit, and branches', async () => {
    const root = await generate(alice, 'a lighthouse');
    const two = await editOf(alice, root.image, 'at night');
    const three = await editOf(alice, two.image, 'with fog');
    // Editing step 2 again starts a branch.
    const branch = await editOf(alice, two.image, 'in snow');
    const other = await generate(alice, 'unrelated');

    for (const from of [root.task, two.task, three.task, branch.task]) {
      const chain = await getTaskChain(alice, from);
      expect(chain.rootTaskId).toBe(root.task);
      expect(chain.truncated).toBe(false);
      expect(chain.nodes.map((n) => [n.taskId, n.parentTaskId, n.prompt])).toEqual([
        [root.task, null, 'a lighthouse'],
        [two.task, root.task, 'at night'],
        [three.task, two.task, 'with fog'],
        [branch.task, two.task, 'in snow'],
      ]);
    }
    const node = (await getTaskChain(alice, three.task)).nodes[2];
    expect(node).toMatchObject({
      parentGenerationId: two.image,
      operation: 'edit',
      status: 'completed',
      generations: [{ id: three.image }],
    });
    expect(node?.generations[0]?.thumbUrl).toContain(upload.file);
    expect((await getTaskChain(alice, other.task)).nodes.map((n) => n.taskId)).toEqual([
      other.task,
    ]);
  });

  it('leaves out attempts a retry replaced and steps in the trash', async () => {
    const root = await generate(alice, 'a lighthouse');
    const kept = await editOf(alice, root.image, 'at night');
    const failed = await editOf(alice, root.image, 'in snow');
    t.ctx.db.update(tasks).set({ status: 'failed' }).where(eq(tasks.id, failed.task)).run();
    clock.advance(1000);
    const retry = await retryTask(alice, failed.task);
    const trashed = await editOf(alice, root.image, 'in rain');
    await trashTasks(alice, [trashed.task]);
    expect((await getTaskChain(alice, root.task)).nodes.map((n) => n.taskId)).toEqual([
      root.task,
      kept.task,
      retry.id,
    ]);
  });

  it('shows nothing of another user: their task is NOT_FOUND, their edits are not in my chain', async () => {
    const bob: CoreContext = { ...t.ctx, owner: 'bob' };
    const root = await generate(alice, 'a lighthouse');
    const mine = await editOf(alice, root.image, 'at night');
    await expect(getTaskChain(bob, root.task)).rejects.toThrow(/does not exist/);
    await expect(getTaskChain(bob, mine.task)).rejects.toThrow(/does not exist/);
    // Bob cannot even make an asset from her image, so his own tasks never join her chain.
    await expect(assetFromGeneration(bob, root.image)).rejects.toThrow(/does not exist/);
    // A row of his that points at her image (as an old or forged row would) stays out of hers,
    // and her steps stay out of his.
    const his = await generate(bob, 'a boat');
    t.ctx.db
      .update(tasks)
      .set({ parentGenerationId: mine.image })
      .where(eq(tasks.id, his.task))
      .run();
    expect((await getTaskChain(alice, root.task)).nodes.map((n) => n.taskId)).toEqual([
      root.task,
      mine.task,
    ]);
    expect(await getTaskChain(bob, his.task)).toMatchObject({
      rootTaskId: his.task,
      nodes: [{ taskId: his.task, parentGenerationId: null, parentTaskId: null }],
    });
  });

  it(`stops at ${maxChainNodes} steps and says so`, async () => {
    const root = await generate(alice, 'start');
    for (let i = 0; i < maxChainNodes + 5; i += 1) {
      clock.advance(1000);
      const id = newId(clock.now());
      t.ctx.db
        .insert(tasks)
        .values({
          id,
          status: 'completed',
          operation: 'edit',
          provider: 'local',
          model: 'local-preview',
          prompt: `step ${i}`,
          aspectRatio: 'auto',
          count: 1,
          outputFormat: 'png',
          seed: 1,
          owner: 'alice',
          parentGenerationId: root.image,
          createdAt: clock.now(),
          updatedAt: clock.now(),
        })
        .run();
    }
    const chain = await getTaskChain(alice, root.task);
    expect(chain.nodes).toHaveLength(maxChainNodes);
    expect(chain.truncated).toBe(true);
  });
});

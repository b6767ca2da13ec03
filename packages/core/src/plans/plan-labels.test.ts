import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createAsset } from '../assets/create-asset';
import { exportEntries } from '../gallery/export-entries';
import { listGallery } from '../gallery/list-gallery';
import { createLocalAdapter } from '../providers/local/local-adapter';
import { createTestContext, until, type TestContext } from '../testing';
import { createTaskInput } from '../schemas';
import { createTask } from '../tasks/create-task';
import { getTask } from '../tasks/get-task';
import { createBatchEdit } from './create-batch-edit';
import { createPlan } from './create-plan';
import { getPlan, getPlanSummary } from './get-plan';
import { planLabels } from './plan-labels';

let t: TestContext;
afterEach(() => t?.close());

const variation = (taskId: string, description: string, reference: string) => ({
  task_id: taskId,
  reference_image: reference,
  variation_instruction: {
    description,
    keep_consistent: ['the face'],
    change_elements: ['the light'],
  },
});

async function started() {
  t = await createTestContext({
    clock: 'system',
    adapters: [createLocalAdapter({ delayMs: 0 })],
  });
  t.scheduler.start();
  const png = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#4a7' } })
    .png()
    .toBuffer();
  return createAsset(t.ctx, png, 'portrait.png');
}

describe('what plan results are called', () => {
  it('reads titles from a variation plan and the prompt of a batch edit', () => {
    const labels = planLabels({
      plan_id: 'p',
      batches: [{ tasks: [variation('v1', ' a night version ', 'x.png')] }],
    });
    expect(labels.kind).toBe('variations');
    expect(labels.titles.get('v1')).toBe('a night version');
    expect(planLabels({ kind: 'batch-edit', prompt: 'snow', assetIds: ['a'] })).toMatchObject({
      kind: 'batch-edit',
      prompt: 'snow',
    });
    // Something unreadable names nothing rather than failing the task it belongs to.
    expect(planLabels({ batches: 'nope' }).titles.size).toBe(0);
  });

  it('titles each variation by its description, in the gallery and in the ZIP', async () => {
    const reference = await started();
    const plan = await createPlan(t.ctx, {
      provider: 'local',
      plan: {
        plan_id: 'portraits',
        batches: [
          {
            tasks: [
              variation('night', 'A night version', reference.id),
              variation('snow', '雪中的肖像', reference.id),
            ],
          },
        ],
      },
    });
    expect(plan).toMatchObject({ kind: 'variations', prompt: null });
    await until(
      async () => (await getPlanSummary(t.ctx, plan.id)).status !== 'running',
      20_000,
      'the plan to settle',
    );
    const tasks = (await getPlan(t.ctx, plan.id)).tasks;
    expect(tasks.map((x) => [x.planItemId, x.title, x.planKind])).toEqual(
      expect.arrayContaining([
        ['night', 'A night version', 'variations'],
        ['snow', '雪中的肖像', 'variations'],
      ]),
    );
    // The prompt is still the generated one; only the name changes.
    expect(tasks[0]?.prompt).not.toBe(tasks[0]?.title);
    const listed = (await listGallery(t.ctx, { planId: plan.id })).items;
    expect(listed.map((x) => x.title).sort()).toEqual(['A night version', '雪中的肖像']);
    const names = (
      await exportEntries(
        t.ctx,
        tasks.map((x) => x.id),
      )
    ).map((e) => e.name);
    expect(names.some((n) => n.startsWith('A-night-version-'))).toBe(true);
    expect(names.some((n) => n.startsWith('雪中的肖像-'))).toBe(true);
  });

  it('marks a batch edit as one, with its prompt and no titles', async () => {
    const reference = await started();
    const batch = await createBatchEdit(t.ctx, {
      prompt: 'make it snowy',
      assetIds: [reference.id, reference.id],
      provider: 'local',
    });
    expect(batch).toMatchObject({ kind: 'batch-edit', prompt: 'make it snowy', total: 2 });
    const [first] = (await getPlan(t.ctx, batch.id)).tasks;
    expect(first).toMatchObject({ planKind: 'batch-edit', title: null });
    expect(await getTask(t.ctx, first?.id ?? '')).toMatchObject({ planKind: 'batch-edit' });
  });

  it('leaves tasks outside plans untitled', async () => {
    await started();
    const made = await createTask(t.ctx, createTaskInput.parse({ prompt: 'a lighthouse' }));
    expect(made).toMatchObject({ title: null, planKind: null });
    expect((await listGallery(t.ctx, {})).items).toEqual([
      expect.objectContaining({ id: made.id, title: null, planKind: null }),
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { PlanSummary } from '../src';
import { clientFor } from './client-for';
import { referenceImage, variation } from './plan-fixtures';

describe('plans.run', () => {
  it('runs a plan to its end, with progress', async () => {
    const genhub = clientFor('fast');
    const asset = await referenceImage(genhub);
    const progress: PlanSummary[] = [];
    const summary = await genhub.plans.run(
      {
        plan: {
          plan_id: 'client-plan',
          batches: [
            {
              tasks: [
                {
                  task_id: 'warm',
                  reference_image: asset.id,
                  variation_instruction: variation('warmer'),
                },
                {
                  task_id: 'cold',
                  reference_image: asset.id,
                  variation_instruction: variation('colder'),
                },
              ],
            },
          ],
        },
      },
      { budget: 10, onProgress: (s) => progress.push(s) },
    );
    expect(summary).toMatchObject({
      externalId: 'client-plan',
      status: 'completed',
      total: 2,
      budget: 10,
      counts: { completed: 2, failed: 0 },
    });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual(summary);
  });

  it('rejects a plan with a missing reference before running it', async () => {
    const genhub = clientFor('fast');
    const error = await genhub.plans
      .run({
        plan: {
          plan_id: 'broken',
          batches: [
            {
              tasks: [
                {
                  task_id: 'x',
                  reference_image: 'no-such-image',
                  variation_instruction: variation('x'),
                },
              ],
            },
          ],
        },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect((error as { field?: string }).field).toMatch(/^plan\./);
  });
});

import { userQuotas, users } from '@genhub/db';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../context';
import { isCoreError } from '../errors';
import { pauseQueue } from '../queue/pause-queue';
import { createTaskInput } from '../schemas';
import { createTask } from '../tasks/create-task';
import { getTask } from '../tasks/get-task';
import { retryTask } from '../tasks/retry-task';
import { cancelTask } from '../tasks/cancel-task';
import { createTestContext, meteredAdapter, until, type TestContext } from '../testing';
import { getUsage } from './get-usage';

let t: TestContext;
afterEach(() => t?.close());

/** The core as one user's request sees it. */
const as = (owner: string): CoreContext => ({ ...t.ctx, owner });

function addUser(id: string, quota?: number) {
  const now = new Date(t.ctx.clock.now());
  t.ctx.db
    .insert(users)
    .values({ id, name: id, email: `${id}@genhub.test`, createdAt: now, updatedAt: now })
    .run();
  if (quota !== undefined) {
    t.ctx.db
      .insert(userQuotas)
      .values({ userId: id, unit: 'credits', monthlyLimit: quota, updatedAt: now.getTime() })
      .run();
  }
}

const create = (owner: string, prompt: string) =>
  createTask(as(owner), createTaskInput.parse({ prompt, provider: 'metered' }));

/** The budget refusal's message, or 'accepted'; any other error is thrown. */
async function attempt(owner: string, prompt: string): Promise<string> {
  try {
    await create(owner, prompt);
    return 'accepted';
  } catch (error) {
    if (!isCoreError(error) || error.code !== 'BUDGET_EXCEEDED') throw error;
    return error.message;
  }
}

const finished = async (id: string) =>
  !['pending', 'processing'].includes((await getTask(t.ctx, id)).status);

describe('per-user monthly quotas', () => {
  it('reserve queued work against one user’s quota, and leave other users alone', async () => {
    const { adapter } = meteredAdapter({ price: 8 });
    t = await createTestContext({ adapters: [adapter], clock: 'system' });
    addUser('ann', 20);
    addUser('ben');
    t.scheduler.start();
    const spent = await create('ann', 'spent');
    await until(() => finished(spent.id), 10_000, 'ann’s first task');
    await pauseQueue(t.ctx);

    expect(await attempt('ann', 'second')).toBe('accepted');
    expect(await attempt('ann', 'third')).toBe(
      'This would pass your monthly quota of 20 credits: 8 spent, 8 reserved by queued tasks, 8 more asked',
    );
    expect([
      await attempt('ben', 'one'),
      await attempt('ben', 'two'),
      await attempt('ben', 'three'),
    ]).toEqual(['accepted', 'accepted', 'accepted']);

    const usage = (owner: string) => getUsage(as(owner), { utcOffsetMinutes: 0 });
    expect((await usage('ann')).quotas).toEqual([
      { unit: 'credits', cap: 20, spent: 8, reserved: 8 },
    ]);
    expect((await usage('ann')).thisMonth).toEqual([{ unit: 'credits', amount: 8 }]);
    expect((await usage('ben')).quotas).toEqual([]);
    expect((await usage('ben')).reserved).toEqual([{ unit: 'credits', amount: 24 }]);
  });

  it('counts a retry against the task owner’s quota, even when an admin asks for it', async () => {
    const { adapter } = meteredAdapter({ price: 8 });
    t = await createTestContext({ adapters: [adapter], clock: 'system' });
    addUser('ann', 16);
    await pauseQueue(t.ctx);
    const first = await create('ann', 'first');
    await create('ann', 'second');
    await cancelTask(as('ann'), first.id);
    await create('ann', 'third');
    // The admin view acts with no owner of its own; the retry is still ann's, and over her quota.
    await expect(retryTask(t.ctx, first.id)).rejects.toThrow(/your monthly quota of 16 credits/);
  });

  it('still caps the whole server with MONTHLY_BUDGET, counting every user', async () => {
    const { adapter } = meteredAdapter({ price: 8 });
    t = await createTestContext({ adapters: [adapter], clock: 'system' });
    t.ctx.monthlyBudgets = new Map([['credits', 16]]);
    addUser('ann', 100);
    addUser('ben');
    await pauseQueue(t.ctx);
    expect(await attempt('ann', 'a')).toBe('accepted');
    expect(await attempt('ben', 'b')).toBe('accepted');
    expect(await attempt('ben', 'c')).toMatch(/^This would pass the monthly cap of 16 credits/);
    // Ben sees the server's cap with everyone's reservations, but only his own spending rows.
    const bens = await getUsage(as('ben'), { utcOffsetMinutes: 0 });
    expect(bens.budgets).toEqual([{ unit: 'credits', cap: 16, spent: 0, reserved: 16 }]);
    expect(bens.reserved).toEqual([{ unit: 'credits', amount: 8 }]);
  });
});

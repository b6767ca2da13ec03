import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../ids';
import { createLocalAdapter } from '../providers/local/local-adapter';
import { createTestContext, fakeClock, meteredAdapter, type TestContext } from '../testing';
import { spendThisMonth } from './spend-this-month';

let t: TestContext;
afterEach(() => t?.close());

describe('spendThisMonth', () => {
  it('sums this month’s actual cost in every unit a model is priced in or a cap is set for', async () => {
    const clock = fakeClock(Date.UTC(2026, 2, 15));
    const { adapter } = meteredAdapter({ price: 5, charge: 4 });
    t = await createTestContext({ adapters: [createLocalAdapter({ delayMs: 0 }), adapter], clock });
    t.ctx.monthlyBudgets = new Map([['usd', 10]]);
    const finished = async (finishedAt: number, actualCost: number, costUnit: string) => {
      const { db, t: tables } = t.ctx.data;
      await db.insert(tables.tasks).values({
        id: newId(finishedAt),
        status: 'completed',
        operation: 'generate',
        provider: 'metered',
        model: 'local-preview',
        prompt: 'p',
        aspectRatio: '1:1',
        count: 1,
        outputFormat: 'png',
        seed: 1,
        actualCost,
        costUnit,
        createdAt: finishedAt,
        updatedAt: finishedAt,
        finishedAt,
      });
    };
    await finished(Date.UTC(2026, 2, 1), 4, 'credits');
    await finished(Date.UTC(2026, 2, 14), 2.5, 'credits');
    await finished(Date.UTC(2026, 1, 28), 100, 'credits'); // last month
    await finished(Date.UTC(2026, 2, 2), 0.25, 'usd');
    expect(await spendThisMonth(t.ctx)).toEqual([
      { unit: 'credits', amount: 6.5 },
      { unit: 'free', amount: 0 },
      { unit: 'usd', amount: 0.25 },
    ]);
  });
});

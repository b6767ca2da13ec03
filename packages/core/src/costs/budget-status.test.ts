import { describe, expect, it } from 'vitest';
import { budgetStatus } from './budget-status';

describe('budgetStatus', () => {
  it('within the cap: what is left, and the bar in two parts', () => {
    expect(budgetStatus({ cap: 60, spent: 24, reserved: 32 })).toEqual({
      cap: 60,
      spent: 24,
      reserved: 32,
      asked: 0,
      committed: 56,
      over: 0,
      left: 4,
      fits: true,
      bar: { spent: 0.4, reserved: 32 / 60 },
    });
  });

  it('decides whether a request fits, the last unit of room included', () => {
    expect(budgetStatus({ cap: 60, spent: 24, reserved: 24, asked: 8 }).fits).toBe(true);
    expect(budgetStatus({ cap: 60, spent: 24, reserved: 32, asked: 4 }).fits).toBe(true);
    expect(budgetStatus({ cap: 60, spent: 24, reserved: 32, asked: 8 }).fits).toBe(false);
  });

  it('shows an overrun as one: the bar full and how far past the cap', () => {
    const spentOver = budgetStatus({ cap: 60, spent: 72, reserved: 0 });
    expect(spentOver).toMatchObject({ committed: 72, over: 12, left: 0, fits: false });
    expect(spentOver.bar).toEqual({ spent: 1, reserved: 0 });
    // Past it only with what queued tasks hold: both parts, together the whole bar.
    const reservedOver = budgetStatus({ cap: 60, spent: 50, reserved: 16 });
    expect(reservedOver).toMatchObject({ committed: 66, over: 6, left: 0 });
    expect(reservedOver.bar.spent + reservedOver.bar.reserved).toBeCloseTo(1, 12);
    expect(reservedOver.bar.spent).toBeCloseTo(50 / 66, 12);
  });

  it('adds money without floating-point noise, and has no NaN for a cap of 0', () => {
    const cents = budgetStatus({ cap: 0.3, spent: 0.1, reserved: 0.2, asked: 0 });
    expect(cents).toMatchObject({ committed: 0.3, over: 0, left: 0, fits: true });
    expect(budgetStatus({ cap: 0.3, spent: 0.1, reserved: 0.2, asked: 0.001 }).fits).toBe(false);
    expect(budgetStatus({ cap: 0, spent: 0, reserved: 0 })).toMatchObject({
      over: 0,
      left: 0,
      fits: true,
      bar: { spent: 0, reserved: 0 },
    });
    expect(budgetStatus({ cap: 0, spent: 0, reserved: 0, asked: 1 }).fits).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../i18n/create-test-i18n';
import { quotaKeys } from '../account/quota-keys';
import { budgetView } from './budget-view';

const i18n = createTestI18n();

const credits = (spent: number, reserved: number) => ({
  unit: 'credits',
  cap: 60,
  spent,
  reserved,
});

describe('the usage page budget bar', () => {
  it('shows spent and reserved within the cap', () => {
    expect(budgetView(credits(24, 32), i18n.getFixedT('en'))).toMatchObject({
      overrun: false,
      text: 'Monthly budget: 24 credits of 60 credits',
      reservedText: '32 credits reserved by queued tasks',
      widths: { spent: '40.00%', reserved: '53.33%' },
    });
    expect(budgetView(credits(24, 0), i18n.getFixedT('en')).reservedText).toBeNull();
  });

  it('shows an overrun as one: full, flagged, and by how much', () => {
    expect(budgetView(credits(72, 0), i18n.getFixedT('en'))).toMatchObject({
      overrun: true,
      text: 'Monthly budget: 72 / 60 credits — 12 over',
      reservedText: null,
      widths: { spent: '100.00%', reserved: '0.00%' },
    });
    const byReservation = budgetView(credits(56, 8), i18n.getFixedT('en'));
    expect(byReservation).toMatchObject({
      overrun: true,
      text: 'Monthly budget: 64 / 60 credits — 4 over',
      widths: { spent: '87.50%', reserved: '12.50%' },
    });
    expect(budgetView(credits(72, 0), i18n.getFixedT('zh-CN')).text).toBe(
      '月度预算：72 / 60 credits — 超出 12',
    );
  });

  it('turns the bar red past its cap, and only then', () => {
    const en = i18n.getFixedT('en');
    const red = (budget: ReturnType<typeof credits>) => {
      const { classes } = budgetView(budget, en);
      return [classes.text, classes.track, classes.spent, classes.reserved].map((c) =>
        c.split(' ').some((name) => /^(dark:)?(bg|text)-red-/.test(name)),
      );
    };
    const none = [false, false, false, false];
    const all = [true, true, true, true];
    expect(red(credits(24, 32))).toEqual(none);
    // At the cap is full, not past it; floating-point dust does not tip it over.
    expect(red(credits(60, 0))).toEqual(none);
    expect(red(credits(0.1 + 0.2 + 59.7, 0))).toEqual(none);
    expect(red(credits(60.01, 0))).toEqual(all);
    expect(red(credits(40, 21))).toEqual(all);
    expect(red({ unit: 'credits', cap: 0, spent: 1, reserved: 0 })).toEqual(all);
    // The quota bar is the same bar.
    const quota = budgetView(credits(72, 0), en, quotaKeys);
    expect([quota.overrun, quota.classes.spent]).toEqual([true, 'bg-red-600']);
  });
});

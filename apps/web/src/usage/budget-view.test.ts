import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../i18n/create-test-i18n';
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
    expect(budgetView(credits(24, 32), i18n.getFixedT('en'))).toEqual({
      overrun: false,
      text: 'Monthly budget: 24 credits of 60 credits',
      reservedText: '32 credits reserved by queued tasks',
      widths: { spent: '40.00%', reserved: '53.33%' },
    });
    expect(budgetView(credits(24, 0), i18n.getFixedT('en')).reservedText).toBeNull();
  });

  it('shows an overrun as one: full, flagged, and by how much', () => {
    expect(budgetView(credits(72, 0), i18n.getFixedT('en'))).toEqual({
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
});

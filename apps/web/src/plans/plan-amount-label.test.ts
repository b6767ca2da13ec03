import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../i18n/create-test-i18n';
import { planAmountLabel } from './plan-amount-label';

const i18n = createTestI18n();

describe('plan labels', () => {
  it('says "Free" instead of "0 free"', () => {
    const t = i18n.getFixedT('en');
    expect(planAmountLabel(0, 'free', t)).toBe('Free');
    expect(planAmountLabel(0, 'credits', t)).toBe('Free');
    expect(planAmountLabel(10, 'credits', t)).toBe('10 credits');
    expect(planAmountLabel(null, null, t)).toBe('price unknown');
    expect(planAmountLabel(0, 'free', i18n.getFixedT('zh-CN'))).not.toContain('free');
  });

  it('counts variations in the run button and the estimate', () => {
    const t = i18n.getFixedT('en');
    expect(t('plan.run', { count: 1 })).toBe('Run 1 variation');
    expect(t('plan.run', { count: 3 })).toBe('Run 3 variations');
    expect(t('plan.estimate', { count: 1, model: 'm', amount: 'Free' })).toBe(
      '1 variation on m: Free',
    );
    expect(t('plan.estimate', { count: 2, model: 'm', amount: 'Free' })).toBe(
      '2 variations on m: Free',
    );
    expect(i18n.getFixedT('zh-CN')('plan.run', { count: 3 })).toBe('运行 3 个变体');
  });
});

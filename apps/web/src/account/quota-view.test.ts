import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../i18n/create-test-i18n';
import { budgetView } from '../usage/budget-view';
import { quotaKeys } from './quota-keys';

const i18n = createTestI18n();

describe('the usage page quota bar', () => {
  it('says it is your quota, within it and past it', () => {
    const quota = (spent: number) => ({ unit: 'credits', cap: 100, spent, reserved: 10 });
    expect(budgetView(quota(30), i18n.getFixedT('en'), quotaKeys).text).toBe(
      'Your quota: 30 credits of 100 credits this month',
    );
    expect(budgetView(quota(120), i18n.getFixedT('en'), quotaKeys).text).toBe(
      'Your quota: 130 / 100 credits — 30 over',
    );
    expect(budgetView(quota(30), i18n.getFixedT('zh-CN'), quotaKeys).text).toBe(
      '你的额度：本月已用 30 credits，共 100 credits',
    );
  });
});

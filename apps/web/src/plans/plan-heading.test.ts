import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../i18n/create-test-i18n';

const i18n = createTestI18n();
import { planHeading } from './plan-heading';

describe('what a plan card is called', () => {
  it('names a batch edit by its images and prompt, not its batch-edit-… id', () => {
    const batch = {
      kind: 'batch-edit' as const,
      prompt: 'make it snowy',
      externalId: 'batch-edit-202612031700',
      total: 3,
    };
    expect(planHeading(batch, i18n.getFixedT('en'))).toBe('Batch edit · 3 images · make it snowy');
    expect(planHeading({ ...batch, total: 1 }, i18n.getFixedT('en'))).toBe(
      'Batch edit · 1 image · make it snowy',
    );
    expect(planHeading(batch, i18n.getFixedT('zh-CN'))).toBe('批量编辑 · 3 张图片 · make it snowy');
  });

  it('names a variation plan by its own plan id', () => {
    const plan = { kind: 'variations' as const, prompt: null, externalId: 'portraits', total: 2 };
    expect(planHeading(plan, i18n.getFixedT('en'))).toBe('portraits');
  });
});

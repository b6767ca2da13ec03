import { describe, expect, it } from 'vitest';
import { operations } from '@genhub/core/schemas';
import { createTestI18n } from '../i18n/create-test-i18n';
import { actionLabel } from './action-label';

const i18n = createTestI18n();

describe('the submit button label', () => {
  it('names the action in English', () => {
    const t = i18n.getFixedT('en');
    expect(operations.map((op) => actionLabel(op, t))).toEqual([
      'Generate',
      'Apply edit',
      'Remove background',
      'Transfer style',
      'Enhance',
      'Run batch edit',
      'Make video',
      'Make video',
    ]);
  });

  it('names the action in Chinese', () => {
    const t = i18n.getFixedT('zh-CN');
    expect(actionLabel('generate', t)).toBe('生成');
    expect(actionLabel('remove-background', t)).toBe('去除背景');
    expect(actionLabel('image-to-video', t)).toBe('生成视频');
  });

  it('has a translated label for every operation, never the key', () => {
    for (const lng of ['en', 'zh-CN']) {
      const t = i18n.getFixedT(lng);
      for (const op of operations) expect(actionLabel(op, t)).not.toContain('generate.actions');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { aspectRatios, type AspectRatio } from '@genhub/core/schemas';
import { createTestI18n } from '../i18n/create-test-i18n';
import { aspectRatioField } from './aspect-ratio-field';

const everyRatio = [...aspectRatios];
const fixedRatios: AspectRatio[] = ['1:1', '16:9', '9:16'];
const i18n = createTestI18n();

describe('the aspect selector of the generate form', () => {
  it('starts an edit at the image’s own shape and sends nothing, so the server keeps it', () => {
    for (const ratios of [everyRatio, fixedRatios]) {
      const field = aspectRatioField('edit', null, ratios);
      expect(field).toMatchObject({ value: 'auto', fromImage: true, send: undefined });
      expect(field.choices[0]).toBe('auto');
      expect(field.choices.filter((r) => r === 'auto')).toHaveLength(1);
    }
  });

  it('keeps the ratio the user picked for an edit while the model offers it', () => {
    expect(aspectRatioField('edit', '16:9', fixedRatios)).toMatchObject({
      value: '16:9',
      send: '16:9',
    });
    expect(aspectRatioField('edit', '4:3', fixedRatios)).toMatchObject({
      value: 'auto',
      send: undefined,
    });
  });

  it('starts a prompt at 1:1 and a video at 16:9, where the model has them', () => {
    expect(aspectRatioField('generate', null, everyRatio)).toMatchObject({
      value: '1:1',
      fromImage: false,
      send: '1:1',
    });
    expect(aspectRatioField('text-to-video', null, ['16:9', '9:16', 'auto'])).toMatchObject({
      value: '16:9',
      send: '16:9',
    });
    expect(aspectRatioField('generate', null, ['16:9', '9:16']).send).toBe('16:9');
  });

  it('names the image-shaped choice in both languages', () => {
    expect(i18n.getFixedT('en')('generate.aspectAuto')).toBe('Auto (from the image)');
    expect(i18n.getFixedT('zh-CN')('generate.aspectAuto')).toBe('自动（跟随图片）');
  });
});

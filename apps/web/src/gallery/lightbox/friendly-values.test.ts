import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../../i18n/create-test-i18n';
import { catalogNames } from './catalog-names';
import { mimeLabel } from './mime-label';
import { optionPhrases } from './option-phrases';

const i18n = createTestI18n();
const at = (lng: string) => i18n.getFixedT(lng);

describe('friendly values in the lightbox', () => {
  it('names file types as people do', () => {
    expect(mimeLabel('image/png')).toBe('PNG');
    expect(mimeLabel('image/jpeg')).toBe('JPEG');
    expect(mimeLabel('image/webp')).toBe('WebP');
    expect(mimeLabel('video/mp4')).toBe('MP4');
    expect(mimeLabel('image/avif')).toBe('AVIF');
  });

  it('reads operation settings as phrases in both languages', () => {
    const options = { returnMask: false, edgeSmooth: true };
    expect(optionPhrases(options, at('en'))).toEqual(['Mask: no', 'Smooth edges: yes']);
    expect(optionPhrases(options, at('zh-CN'))).toEqual(['蒙版：否', '平滑边缘：是']);
    expect(
      optionPhrases({ enhancement: 'upscale', upscaleFactor: 4, strength: 0.6 }, at('en')),
    ).toEqual(['Enhancement: Upscale', 'Upscale: ×4', 'Strength: 60%']);
    expect(optionPhrases({ durationSeconds: 8, videoMode: 'frames' }, at('zh-CN'))).toEqual([
      '时长：8 秒',
      '图片用作：首帧和尾帧',
    ]);
    expect(optionPhrases({}, at('en'))).toEqual([]);
  });

  it('names the provider and model from the catalogue, translated where known', () => {
    const providers = [
      { id: 'local', label: 'Local preview engine', models: [{ id: 'local-preview', label: 'x' }] },
      { id: 'kie', label: 'Kie.ai', models: [{ id: 'nano-banana', label: 'Nano Banana' }] },
    ];
    const local = { provider: 'local', model: 'local-preview' };
    expect(catalogNames(local, providers, at('zh-CN'))).toEqual({
      provider: '本地预览引擎',
      model: '本地预览',
    });
    expect(catalogNames({ provider: 'kie', model: 'nano-banana' }, providers, at('en'))).toEqual({
      provider: 'Kie.ai',
      model: 'Nano Banana',
    });
  });

  it('falls back to the raw id for a provider no longer listed', () => {
    expect(catalogNames({ provider: 'gone', model: 'm1' }, undefined, at('en'))).toEqual({
      provider: 'gone',
      model: 'm1',
    });
  });
});

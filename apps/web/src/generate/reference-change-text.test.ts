import { describe, expect, it } from 'vitest';
import { referenceLimit } from '@genhub/core/schemas';
import { createTestI18n } from '../i18n/create-test-i18n';
import { fitReferences } from './fit-references';
import { referenceChangeText } from './reference-change-text';

const i18n = createTestI18n();
const refs = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `a${i}` }));

describe('the notice after a change of mode', () => {
  it('says what was kept and what was set aside', () => {
    const t = i18n.getFixedT('en');
    const max = referenceLimit('enhance').max;
    const { change } = fitReferences(refs(3), [], max);
    expect(change && referenceChangeText(change, 'enhance', max, t)).toBe(
      'Enhance takes 1 image: kept the first, set 2 aside.',
    );
    const two = referenceLimit('style-transfer').max;
    const st = fitReferences(refs(3), [], two).change;
    expect(st && referenceChangeText(st, 'style-transfer', two, t)).toBe(
      'Style transfer takes 2 images: kept the first 2, set 1 aside.',
    );
  });

  it('says when a mode takes no images', () => {
    const t = i18n.getFixedT('en');
    const { change } = fitReferences(refs(2), [], 0);
    expect(change && referenceChangeText(change, 'generate', 0, t)).toMatch(
      /takes no images: set 2 aside\.$/,
    );
  });

  it('says what came back', () => {
    const t = i18n.getFixedT('en');
    const { change } = fitReferences(refs(1), refs(3).slice(1), 16);
    expect(change && referenceChangeText(change, 'edit', 16, t)).toBe(
      'Brought back 2 images set aside earlier.',
    );
  });

  it('speaks Chinese', () => {
    const t = i18n.getFixedT('zh-CN');
    const { change } = fitReferences(refs(3), [], 1);
    expect(change && referenceChangeText(change, 'enhance', 1, t)).toBe(
      '图像增强最多使用 1 张图片：保留了前 1 张，另外 2 张已暂存。',
    );
  });
});

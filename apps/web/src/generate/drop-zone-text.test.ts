import { describe, expect, it } from 'vitest';
import { referenceLimit } from '@genhub/core/schemas';
import { createTestI18n } from '../i18n/create-test-i18n';
import { dropZoneText } from './drop-zone-text';

const i18n = createTestI18n();

describe('the drop zone text', () => {
  it("says how many images the mode takes, from core's rules", () => {
    const t = i18n.getFixedT('en');
    expect(dropZoneText(referenceLimit('enhance'), 0, t)).toEqual({
      prompt: 'Drop 1 image here or choose a file',
      filled: '0 of 1',
    });
    expect(dropZoneText(referenceLimit('style-transfer'), 1, t)).toEqual({
      prompt: 'Drop 2 images here or choose files',
      filled: '1 of 2',
    });
    expect(
      dropZoneText(referenceLimit('image-to-video', { videoMode: 'reference' }), 2, t),
    ).toEqual({ prompt: 'Drop up to 3 images here or choose files', filled: '2 of 3' });
  });

  it('says when it is full', () => {
    const t = i18n.getFixedT('en');
    expect(dropZoneText(referenceLimit('edit', {}, { maxReferenceImages: 2 }), 2, t).prompt).toBe(
      'Full: remove an image to add another',
    );
  });

  it('speaks Chinese', () => {
    const t = i18n.getFixedT('zh-CN');
    expect(dropZoneText(referenceLimit('batch-edit'), 3, t)).toEqual({
      prompt: '最多拖入 20 张图片，或选择文件',
      filled: '3 / 20',
    });
  });
});

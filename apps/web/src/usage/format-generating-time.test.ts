import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../i18n/create-test-i18n';
import { formatGeneratingTime } from './format-generating-time';

const i18n = createTestI18n();

describe('time spent generating', () => {
  it('reads in seconds, minutes or hours, to the second', () => {
    const en = i18n.getFixedT('en');
    expect(formatGeneratingTime(0, en)).toBe('0 s');
    expect(formatGeneratingTime(12_400, en)).toBe('12 s');
    expect(formatGeneratingTime(200_000, en)).toBe('3 min 20 s');
    expect(formatGeneratingTime(59_600, en)).toBe('1 min 0 s');
    expect(formatGeneratingTime(3_900_000, en)).toBe('1 h 5 min');
  });

  it('is translated', () => {
    expect(formatGeneratingTime(200_000, i18n.getFixedT('zh-CN'))).toBe('3 分 20 秒');
    expect(formatGeneratingTime(3_900_000, i18n.getFixedT('zh-CN'))).toBe('1 小时 5 分');
  });
});

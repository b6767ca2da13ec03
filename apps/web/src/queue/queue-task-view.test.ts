import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../i18n/create-test-i18n';
import { queueTaskLabel, queueTaskPrice } from './queue-task-view';

const i18n = createTestI18n();
const assetId = '01kbk3m2x0q8r4t6v7w9y1z3ab';

describe('a queue row', () => {
  it('is named by its prompt when it has one', () => {
    const t = i18n.getFixedT('en');
    const task = {
      operation: 'edit' as const,
      prompt: ' make it winter ',
      assetIds: [assetId],
      inputName: 'photo.png',
    };
    expect(queueTaskLabel(task, t)).toBe('make it winter');
  });

  it('names a prompt-less operation and its input image, never an empty row', () => {
    const upload = {
      operation: 'remove-background' as const,
      prompt: '',
      assetIds: [assetId],
      inputName: 'photo.png',
    };
    expect(queueTaskLabel(upload, i18n.getFixedT('en'))).toBe('Remove background · photo.png');
    expect(queueTaskLabel(upload, i18n.getFixedT('zh-CN'))).toBe('去除背景 · photo.png');
    // An image made here (used as a reference) has no file name: its id tells it apart.
    const made = { ...upload, inputName: null };
    expect(queueTaskLabel(made, i18n.getFixedT('en'))).toBe('Remove background · image y1z3ab');
    expect(queueTaskLabel(made, i18n.getFixedT('zh-CN'))).toBe('去除背景 · 图片 y1z3ab');
    expect(
      queueTaskLabel(
        { operation: 'enhance', prompt: '', assetIds: [], inputName: null },
        i18n.getFixedT('en'),
      ),
    ).toBe('Enhance');
  });

  it('shows the list price while billed so far is 0 during a retry', () => {
    const t = i18n.getFixedT('en');
    const retrying = { cost: { unit: 'credits', estimated: 4, actual: 0, source: null } };
    expect(queueTaskPrice(retrying, t)).toBe('≈ 4 credits (list price)');
    expect(queueTaskPrice(retrying, i18n.getFixedT('zh-CN'))).toBe('≈ 4 credits（标价估算）');
  });

  it('says free for the local provider and nothing when the price is unknown', () => {
    const t = i18n.getFixedT('en');
    const free = { cost: { unit: 'free', estimated: 0, actual: null, source: null } };
    expect(queueTaskPrice(free, t)).toBe('Free');
    expect(queueTaskPrice({ cost: null }, t)).toBeNull();
    const unknown = { cost: { unit: 'credits', estimated: null, actual: null, source: null } };
    expect(queueTaskPrice(unknown, t)).toBeNull();
  });
});

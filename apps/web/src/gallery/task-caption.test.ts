import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../i18n/create-test-i18n';

const i18n = createTestI18n();
import { taskCaption, taskOperationName } from './task-caption';

const named = (over: Partial<Parameters<typeof taskCaption>[0]>) => ({
  operation: 'edit' as const,
  prompt: 'Create a variation of the reference image. Keep the same: the face.',
  planKind: null,
  title: null,
  ...over,
});

describe('what a task is called', () => {
  const t = i18n.getFixedT('en');

  it('calls a variation by its description, not its generated prompt', () => {
    expect(taskCaption(named({ planKind: 'variations', title: 'A night version' }), t)).toBe(
      'A night version',
    );
    expect(taskOperationName(named({ planKind: 'variations' }), t)).toBe('Image to image');
  });

  it('calls an image of a batch edit a batch edit, with what it asked for', () => {
    const batch = named({ planKind: 'batch-edit', prompt: 'make it snowy' });
    expect(taskCaption(batch, t)).toBe('Batch edit: make it snowy');
    expect(taskOperationName(batch, t)).toBe('Batch edit');
    expect(taskOperationName(batch, i18n.getFixedT('zh-CN'))).toBe('批量编辑');
  });

  it('calls everything else by its prompt, led by the operation for image operations', () => {
    expect(taskCaption(named({ operation: 'generate', prompt: 'a fox' }), t)).toBe('a fox');
    expect(taskCaption(named({ operation: 'remove-background', prompt: '' }), t)).toBe(
      'Remove background',
    );
  });
});

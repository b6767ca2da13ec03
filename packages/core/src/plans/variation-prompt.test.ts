import { describe, expect, it } from 'vitest';
import { variationInstruction } from '../schemas';
import { variationPrompt } from './variation-prompt';

describe('variationPrompt', () => {
  it('turns keep / change / strength / weight into an edit instruction', () => {
    const prompt = variationPrompt(
      variationInstruction.parse({
        description: '角色转身动作',
        keep_consistent: ['赛博朋克风格', '角色服装'],
        change_elements: ['身体姿态: 从正面转为侧面'],
        nano_banana_parameters: { strength: 0.65, prompt_weight: 'turning around, natural motion' },
      }),
    );
    expect(prompt).toBe(
      [
        'Edit the reference image: 角色转身动作.',
        'Keep exactly as in the reference:',
        '- 赛博朋克风格',
        '- 角色服装',
        'Change:',
        '- 身体姿态: 从正面转为侧面',
        'Make a clear, visible change, while keeping what is listed as unchanged. (strength 0.65)',
        'Emphasis: turning around, natural motion.',
      ].join('\n'),
    );
  });

  it('words the strength by band and defaults it to 0.6', () => {
    const base = { description: 'smile', keep_consistent: ['pose'], change_elements: ['mouth'] };
    const at = (strength?: number) =>
      variationPrompt(
        variationInstruction.parse({
          ...base,
          ...(strength === undefined ? {} : { nano_banana_parameters: { strength } }),
        }),
      ).split('\n')[5];
    expect(at(0.4)).toMatch(/^Make a subtle change.*\(strength 0\.40\)$/);
    expect(at()).toMatch(/^Make a moderate change.*\(strength 0\.60\)$/);
    expect(at(0.8)).toMatch(/^Make a clear, visible change.*\(strength 0\.80\)$/);
    expect(variationPrompt(variationInstruction.parse(base))).not.toMatch(/Emphasis/);
  });
});

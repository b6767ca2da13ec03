import type { VariationInstruction } from '../schemas';

/** How a strength reads in words, so an edit model that takes no number still gets it. */
function extent(strength: number): string {
  if (strength < 0.5) return 'Make a subtle change: stay very close to the reference image.';
  if (strength < 0.65) return 'Make a moderate change: keep the reference recognisably the same.';
  return 'Make a clear, visible change, while keeping what is listed as unchanged.';
}

/**
 * The prompt for one variation (seed 004): the description, then what must stay the same,
 * then what to change, then how far to go (strength) and any emphasis (prompt_weight).
 * Written for image-editing models, which follow short imperative lists best.
 */
export function variationPrompt(instruction: VariationInstruction): string {
  const { strength, prompt_weight: weight } = instruction.nano_banana_parameters;
  const lines = [
    `Edit the reference image: ${instruction.description}.`,
    'Keep exactly as in the reference:',
    ...instruction.keep_consistent.map((item) => `- ${item}`),
    'Change:',
    ...instruction.change_elements.map((item) => `- ${item}`),
    `${extent(strength)} (strength ${strength.toFixed(2)})`,
  ];
  if (weight) lines.push(`Emphasis: ${weight}.`);
  return lines.join('\n');
}

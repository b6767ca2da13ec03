import type { SafetyLevel } from '../../schemas';

/** The harm categories the Gemini API lets a caller tune. */
export const geminiHarmCategories = [
  'HARM_CATEGORY_HARASSMENT',
  'HARM_CATEGORY_HATE_SPEECH',
  'HARM_CATEGORY_SEXUALLY_EXPLICIT',
  'HARM_CATEGORY_DANGEROUS_CONTENT',
] as const;

const thresholds = {
  strict: 'BLOCK_LOW_AND_ABOVE',
  balanced: 'BLOCK_MEDIUM_AND_ABOVE',
  permissive: 'BLOCK_ONLY_HIGH',
} as const satisfies Record<SafetyLevel, string>;

/**
 * The `safetySettings` of a request for genhub's safety level: one threshold for every
 * category, or none at all (Google's defaults) when the task names no level.
 */
export function geminiSafetySettings(safety: SafetyLevel | null | undefined) {
  if (!safety) return undefined;
  const threshold = thresholds[safety];
  return geminiHarmCategories.map((category) => ({ category, threshold }));
}

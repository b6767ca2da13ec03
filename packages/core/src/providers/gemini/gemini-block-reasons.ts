/**
 * Gemini's finish and block reasons that mean its safety or recitation filters withheld the
 * answer; OpenRouter passes them on as `native_finish_reason`.
 */
export const geminiBlockReasons: ReadonlySet<string> = new Set([
  'SAFETY',
  'IMAGE_SAFETY',
  'PROHIBITED_CONTENT',
  'IMAGE_PROHIBITED_CONTENT',
  'BLOCKLIST',
  'SPII',
  'RECITATION',
  'IMAGE_RECITATION',
]);

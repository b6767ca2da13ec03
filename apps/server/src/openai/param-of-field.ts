/** genhub's task fields by the OpenAI request field a client set them with. */
const openAiNames: Record<string, string> = {
  count: 'n',
  aspectRatio: 'size',
  resolution: 'size',
  outputFormat: 'output_format',
  provider: 'model',
  model: 'model',
  operation: 'model',
  assetIds: 'image',
  file: 'image',
  prompt: 'prompt',
  idempotencyKey: 'Idempotency-Key',
};

/**
 * The OpenAI field a core error's field (`count`, `fallback.0.model`, …) came from; the shape
 * came from `aspect_ratio` when the request set it, else from `size`.
 */
export function paramOfField(
  field: string | undefined,
  shapeFrom: 'size' | 'aspect_ratio' = 'size',
): string | null {
  const head = field?.split('.', 1)[0];
  if (head === undefined) return null;
  if (head === 'aspectRatio') return shapeFrom;
  return openAiNames[head] ?? head;
}

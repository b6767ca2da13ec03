/** The model names OpenAI's clients send by default: they run on the server's default model. */
export const modelAliases = [
  'gpt-image-1',
  'gpt-image-1-mini',
  'gpt-image-1.5',
  'dall-e-3',
  'dall-e-2',
] as const;

export const isModelAlias = (name: string) => (modelAliases as readonly string[]).includes(name);

/** The aliases whose OpenAI models answer with a URL unless asked for base64. */
export const answersWithUrl = (name: string | null | undefined) =>
  name === 'dall-e-3' || name === 'dall-e-2';

/**
 * The provider keys and secrets an admin may set while the server runs, by the environment
 * variable each stands in for. Base URLs and other options stay in the environment: a base URL
 * changed at runtime would be a way to send a key to another host.
 */
export const providerKeys = {
  KIE_API_KEY: { provider: 'kie', label: 'KIE.ai API key' },
  KIE_WEBHOOK_HMAC_KEY: { provider: 'kie', label: 'KIE.ai webhook HMAC key' },
  OPENROUTER_API_KEY: { provider: 'openrouter', label: 'OpenRouter API key' },
  GEMINI_API_KEY: { provider: 'gemini', label: 'Gemini API key' },
  FAL_KEY: { provider: 'fal', label: 'fal.ai key' },
  REPLICATE_API_TOKEN: { provider: 'replicate', label: 'Replicate API token' },
  REPLICATE_WEBHOOK_SECRET: { provider: 'replicate', label: 'Replicate webhook signing secret' },
  NANOBANANA_API_KEY: { provider: 'nanobanana', label: 'nanobanana API key' },
} as const satisfies Record<string, { provider: string; label: string }>;

export type ProviderKeyName = keyof typeof providerKeys;

export const providerKeyNames = Object.keys(providerKeys) as [
  ProviderKeyName,
  ...ProviderKeyName[],
];

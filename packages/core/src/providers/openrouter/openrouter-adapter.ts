import { aspectRatios, extremeAspectRatios, type ModelCapabilities } from '../../schemas';
import { errorClassForStatus, parseRetryAfter } from '../error-class-for-status';
import { decodeDataUrl, requestJson } from '../http-json';
import { nanoBananaModel } from '../nano-banana-model';
import { ProviderError, type SyncAdapter } from '../types';

export interface OpenRouterOptions {
  apiKey: string | undefined;
  baseUrl: string;
  /** Sent as HTTP-Referer, OpenRouter's app identifier. */
  appUrl?: string | undefined;
  appTitle?: string;
}

export const openRouterModels: ModelCapabilities[] = [
  nanoBananaModel('google/gemini-2.5-flash-image', 'Nano Banana (OpenRouter)', {
    price: { amount: 1290, unit: 'output tokens' },
  }),
  nanoBananaModel('google/gemini-2.5-flash-image-preview', 'Nano Banana preview (OpenRouter)', {
    price: { amount: 1290, unit: 'output tokens' },
  }),
  nanoBananaModel('google/gemini-3-pro-image-preview', 'Nano Banana Pro (OpenRouter)', {
    resolutions: ['1K', '2K', '4K'],
  }),
  nanoBananaModel('google/gemini-3.1-flash-image-preview', 'Nano Banana 2 (OpenRouter)', {
    resolutions: ['1K', '2K', '4K'],
    aspectRatios: [...aspectRatios, ...extremeAspectRatios],
  }),
];

interface Completion {
  error?: { code?: number; message?: string; metadata?: unknown };
  usage?: { completion_tokens?: number };
  choices?: {
    finish_reason?: string;
    message?: { content?: unknown; images?: { image_url?: { url?: string } }[] };
  }[];
}

function openRouterError(
  status: number,
  message: string | undefined,
  retryAfterMs?: number,
): ProviderError {
  const said = message?.trim() || `HTTP ${status}`;
  if (status === 403)
    return new ProviderError(
      'content_blocked',
      `OpenRouter moderation blocked the request: ${said}`,
    );
  if (status === 401)
    return new ProviderError(
      'unauthorized',
      'OpenRouter rejected the API key (OPENROUTER_API_KEY)',
    );
  if (status === 402)
    return new ProviderError('insufficient_credits', 'The OpenRouter account is out of credits');
  if (status === 502 || status === 503)
    return new ProviderError(
      'provider_unavailable',
      `OpenRouter: no provider available (${said})`,
      retryAfterMs,
    );
  return new ProviderError(errorClassForStatus(status), `OpenRouter: ${said}`, retryAfterMs);
}

/** OpenRouter chat completions with image output (providers.md §2); images come back as data URLs. */
export function createOpenRouterAdapter(options: OpenRouterOptions): SyncAdapter {
  return {
    kind: 'sync',
    id: 'openrouter',
    label: 'OpenRouter',
    local: false,
    configured: Boolean(options.apiKey),
    hint: options.apiKey ? null : 'Set OPENROUTER_API_KEY',
    defaultModel: 'google/gemini-2.5-flash-image',
    models: openRouterModels,
    async generate({ task, references, signal }) {
      const imageConfig: Record<string, string> = {};
      if (task.aspectRatio !== 'auto') imageConfig.aspect_ratio = task.aspectRatio;
      if (task.resolution) imageConfig.image_size = task.resolution;
      const reply = await requestJson(
        `${options.baseUrl.replace(/\/$/, '')}/chat/completions`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${options.apiKey ?? ''}`,
            ...(options.appUrl ? { 'HTTP-Referer': options.appUrl } : {}),
            'X-Title': options.appTitle ?? 'genhub',
          },
          body: {
            model: task.model,
            modalities: ['image', 'text'],
            ...(Object.keys(imageConfig).length > 0 ? { image_config: imageConfig } : {}),
            messages: [
              {
                role: 'user',
                content: [
                  { type: 'text', text: task.prompt },
                  ...references.map((r) => ({
                    type: 'image_url',
                    image_url: { url: `data:${r.mime};base64,${r.bytes.toString('base64')}` },
                  })),
                ],
              },
            ],
          },
        },
        signal,
        'OpenRouter',
      );
      const body = (reply.body ?? {}) as Completion;
      const retryAfter = parseRetryAfter(reply.headers.get('retry-after'), Date.now());
      if (reply.status < 200 || reply.status >= 300)
        throw openRouterError(reply.status, body.error?.message, retryAfter);
      // Once the model has started, errors come back as a 200 with an `error` field.
      if (body.error) throw openRouterError(body.error.code ?? 502, body.error.message, retryAfter);
      const choice = body.choices?.[0];
      if (choice?.finish_reason === 'error')
        throw new ProviderError(
          'provider_unavailable',
          'OpenRouter: the model stopped with an error',
        );
      const images = (choice?.message?.images ?? [])
        .map((image) => (image.image_url?.url ? decodeDataUrl(image.image_url.url) : undefined))
        .filter((bytes): bytes is Buffer => bytes !== undefined);
      const tokens = body.usage?.completion_tokens;
      const charge = tokens === undefined ? undefined : { amount: tokens, unit: 'output tokens' };
      if (images.length === 0) {
        throw new ProviderError(
          'no_image',
          'OpenRouter answered with text only, no image',
          undefined,
          charge,
        );
      }
      return { images, charge };
    },
  };
}

import {
  aspectRatios,
  extremeAspectRatios,
  type ErrorClass,
  type ModelCapabilities,
} from '../../schemas';
import { errorClassForStatus } from '../error-class-for-status';
import { requestJson } from '../http-json';
import { nanoBananaModel } from '../nano-banana-model';
import { ProviderError, type SyncAdapter } from '../types';

export interface GeminiOptions {
  apiKey: string | undefined;
  baseUrl: string;
}

export const geminiModels: ModelCapabilities[] = [
  // Every 2.5 Flash Image answer is billed as 1290 output tokens (providers.md §3).
  nanoBananaModel('gemini-2.5-flash-image', 'Nano Banana (Gemini API)', {
    price: { amount: 1290, unit: 'output tokens' },
  }),
  nanoBananaModel('gemini-2.5-flash-image-preview', 'Nano Banana preview (Gemini API)', {
    price: { amount: 1290, unit: 'output tokens' },
  }),
  nanoBananaModel('gemini-3-pro-image-preview', 'Nano Banana Pro (Gemini API)', {
    resolutions: ['1K', '2K', '4K'],
  }),
  nanoBananaModel('gemini-3.1-flash-image-preview', 'Nano Banana 2 (Gemini API)', {
    resolutions: ['1K', '2K', '4K'],
    aspectRatios: [...aspectRatios, ...extremeAspectRatios],
  }),
];

interface Part {
  text?: string;
  thought?: boolean;
  inlineData?: { mimeType?: string; data?: string };
}

interface GenerateContentReply {
  candidates?: { content?: { parts?: Part[] }; finishReason?: string }[];
  promptFeedback?: { blockReason?: string };
  error?: {
    code?: number;
    message?: string;
    status?: string;
    details?: { '@type'?: string; reason?: string; retryDelay?: string }[];
  };
  usageMetadata?: { candidatesTokenCount?: number };
}

const blockedReasons = new Set([
  'SAFETY',
  'IMAGE_SAFETY',
  'PROHIBITED_CONTENT',
  'IMAGE_PROHIBITED_CONTENT',
  'BLOCKLIST',
  'SPII',
  'RECITATION',
  'IMAGE_RECITATION',
]);

/** `"53s"` or `"1.5s"` as milliseconds. */
function parseDuration(value: string | undefined): number | undefined {
  const match = value ? /^(\d+(?:\.\d+)?)s$/.exec(value) : null;
  return match?.[1] ? Math.round(Number(match[1]) * 1000) : undefined;
}

function geminiError(status: number, error: GenerateContentReply['error']): ProviderError {
  const details = error?.details ?? [];
  const message = error?.message?.trim() || `HTTP ${status}`;
  if (details.some((d) => d.reason === 'API_KEY_INVALID')) {
    // An invalid key is a 400 here, not a 401 (providers.md §3).
    return new ProviderError(
      'unauthorized',
      'The Gemini API rejected the API key (GEMINI_API_KEY)',
    );
  }
  if (status === 429) {
    const retryDelay = details.find((d) => d['@type']?.endsWith('RetryInfo'))?.retryDelay;
    return new ProviderError(
      'rate_limited',
      'The Gemini API quota is exhausted for now',
      parseDuration(retryDelay),
    );
  }
  const errorClass: ErrorClass = status === 403 ? 'unauthorized' : errorClassForStatus(status);
  return new ProviderError(errorClass, `Gemini API: ${message}`);
}

/** Google's Gemini API `generateContent` (providers.md §3); the image comes back inline. */
export function createGeminiAdapter(options: GeminiOptions): SyncAdapter {
  return {
    kind: 'sync',
    id: 'gemini',
    label: 'Gemini API',
    local: false,
    configured: Boolean(options.apiKey),
    hint: options.apiKey ? null : 'Set GEMINI_API_KEY',
    defaultModel: 'gemini-2.5-flash-image',
    models: geminiModels,
    async generate({ task, references, signal }) {
      const imageConfig: Record<string, string> = {};
      if (task.aspectRatio !== 'auto') imageConfig.aspectRatio = task.aspectRatio;
      if (task.resolution) imageConfig.imageSize = task.resolution;
      const reply = await requestJson(
        `${options.baseUrl.replace(/\/$/, '')}/v1beta/models/${encodeURIComponent(task.model)}:generateContent`,
        {
          method: 'POST',
          headers: { 'x-goog-api-key': options.apiKey ?? '' },
          body: {
            contents: [
              {
                role: 'user',
                parts: [
                  { text: task.prompt },
                  ...references.map((r) => ({
                    inline_data: { mime_type: r.mime, data: r.bytes.toString('base64') },
                  })),
                ],
              },
            ],
            generationConfig: {
              responseModalities: ['TEXT', 'IMAGE'],
              ...(Object.keys(imageConfig).length > 0 ? { imageConfig } : {}),
            },
          },
        },
        signal,
        'the Gemini API',
      );
      const body = (reply.body ?? {}) as GenerateContentReply;
      if (reply.status < 200 || reply.status >= 300) throw geminiError(reply.status, body.error);
      if (body.promptFeedback?.blockReason) {
        throw new ProviderError(
          'content_blocked',
          `The Gemini API blocked the prompt (${body.promptFeedback.blockReason})`,
        );
      }
      const candidate = body.candidates?.[0];
      const reason = candidate?.finishReason;
      if (reason && blockedReasons.has(reason)) {
        throw new ProviderError('content_blocked', `The Gemini API withheld the image (${reason})`);
      }
      // Scan every part; skip thoughts (and their interim images); the last image is the answer.
      const images = (candidate?.content?.parts ?? [])
        .filter((part) => !part.thought && part.inlineData?.data)
        .map((part) => Buffer.from(part.inlineData?.data ?? '', 'base64'));
      const last = images.at(-1);
      // Output tokens are billed whether or not an image came back.
      const tokens = body.usageMetadata?.candidatesTokenCount;
      const charge = tokens === undefined ? undefined : { amount: tokens, unit: 'output tokens' };
      if (!last) {
        throw new ProviderError(
          'no_image',
          reason === 'NO_IMAGE'
            ? 'The Gemini API made no image (NO_IMAGE)'
            : 'The Gemini API answered with text only, no image',
          undefined,
          charge,
        );
      }
      return { images: [last], charge };
    },
  };
}

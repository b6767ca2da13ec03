import { aspectRatios, dimensionsOf, type ErrorClass, type ModelCapabilities } from '../../schemas';
import { jsonClient } from '../http-json';
import { ProviderError, type AsyncAdapter, type JobState, type ReferenceImage } from '../types';

export interface NanobananaOptions {
  apiKey: string | undefined;
  baseUrl: string;
  download: (url: string, signal: AbortSignal) => Promise<Buffer>;
  /** A URL the API can fetch a reference from; else it is sent as a data URI. */
  referenceUrl?: ((reference: ReferenceImage) => string) | undefined;
}

export const nanobananaModels: ModelCapabilities[] = [
  {
    id: 'nano-banana',
    label: 'Nano Banana (nanobanana API)',
    operations: ['generate', 'edit'],
    aspectRatios: aspectRatios.filter((r) => r !== 'auto'),
    outputFormats: ['png', 'jpeg', 'webp'],
    maxImages: 1,
    maxReferenceImages: 1,
    resolutions: [],
    // Seed 003's table: text-to-image 8 credits (an edit is 5).
    price: { amount: 8, unit: 'credits' },
  },
];

/** The error envelope's codes (seed 003) as error classes. */
const codes: Record<string, ErrorClass> = {
  INVALID_API_KEY: 'unauthorized',
  INSUFFICIENT_CREDITS: 'insufficient_credits',
  INVALID_REQUEST: 'invalid_request',
  FILE_TOO_LARGE: 'invalid_request',
  UNSUPPORTED_FORMAT: 'invalid_request',
  RATE_LIMIT_EXCEEDED: 'rate_limited',
  PROCESSING_ERROR: 'provider_unavailable',
  TEMPORARY_UNAVAILABLE: 'provider_unavailable',
};

interface Envelope {
  success?: boolean;
  task_id?: string;
  image_url?: string;
  status?: string;
  result?: { image_url?: string } | null;
  error?: { code?: string; message?: string; details?: string } | string | null;
}

function envelopeError(status: number, body: Envelope, retryAfterMs?: number): ProviderError {
  const error = typeof body.error === 'object' && body.error ? body.error : {};
  const code = error.code ?? '';
  const errorClass: ErrorClass =
    codes[code] ??
    (status === 401 ? 'unauthorized' : status >= 500 ? 'provider_unavailable' : 'invalid_request');
  const said = [error.message, error.details].filter(Boolean).join(': ') || `HTTP ${status}`;
  return new ProviderError(
    errorClass,
    errorClass === 'unauthorized'
      ? 'The nanobanana API rejected the key (NANOBANANA_API_KEY)'
      : `nanobanana API: ${said}`,
    retryAfterMs,
  );
}

/** A nanobanana.ai-style REST API (seed 003): text-to-image and image-edit, then `task/{id}`. */
export function createNanobananaAdapter(options: NanobananaOptions): AsyncAdapter {
  const base = options.baseUrl.replace(/\/$/, '');
  const headers = { authorization: `Bearer ${options.apiKey ?? ''}` };
  const client = jsonClient(
    'the nanobanana API',
    headers,
    (status, body, retryAfterMs) => envelopeError(status, body ?? {}, retryAfterMs),
    (body) => (body as Envelope | null)?.success === false,
  );
  const call = (path: string, method: 'GET' | 'POST', signal?: AbortSignal, body?: unknown) =>
    client<Envelope>(`${base}${path}`, method, signal, body);

  return {
    kind: 'async',
    id: 'nanobanana',
    label: 'nanobanana API',
    local: false,
    configured: Boolean(options.apiKey),
    hint: options.apiKey ? null : 'Set NANOBANANA_API_KEY',
    defaultModel: 'nano-banana',
    models: nanobananaModels,

    async submitJob({ task, references, signal }) {
      const reference = references[0];
      const reply =
        task.operation === 'edit' && reference
          ? await call('/image-edit', 'POST', signal, {
              prompt: task.prompt,
              image_url: options.referenceUrl
                ? options.referenceUrl(reference)
                : `data:${reference.mime};base64,${reference.bytes.toString('base64')}`,
              strength: 0.8,
              output_format: task.outputFormat,
            })
          : await call('/text-to-image', 'POST', signal, {
              prompt: task.prompt,
              ...dimensionsOf(task.aspectRatio),
              style: 'realistic',
              quality: 'high',
            });
      if (!reply.task_id)
        throw new ProviderError(
          'provider_unavailable',
          'The nanobanana API answered without a task id',
        );
      return { jobId: reply.task_id };
    },

    async pollJob(jobId, signal): Promise<JobState> {
      const reply = await call(`/task/${encodeURIComponent(jobId)}`, 'GET', signal);
      if (reply.status === 'completed') {
        const url = reply.result?.image_url ?? reply.image_url;
        if (!url)
          throw new ProviderError('no_image', 'The nanobanana API completed without an image');
        return { status: 'completed', images: [await options.download(url, signal)] };
      }
      if (reply.status === 'failed') {
        const said = typeof reply.error === 'string' ? reply.error : reply.error?.message;
        return {
          status: 'failed',
          error: new ProviderError(
            'no_image',
            `The nanobanana API failed: ${said ?? 'no details'}`,
          ),
        };
      }
      return { status: 'running' };
    },

    async balance() {
      const account = (await call('/account', 'GET')) as Envelope & {
        credits?: { balance?: number };
      };
      return { amount: account.credits?.balance ?? 0, unit: 'credits' };
    },
  };
}

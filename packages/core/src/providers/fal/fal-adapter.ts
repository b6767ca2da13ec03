import { aspectRatios, type ModelCapabilities, type Task } from '../../schemas';
import { errorClassForStatus } from '../error-class-for-status';
import { jsonClient } from '../http-json';
import { ProviderError, type AsyncAdapter, type JobState, type ReferenceImage } from '../types';
import { FalJwks, verifyFalWebhook } from './fal-webhook';

export interface FalOptions {
  key: string | undefined;
  queueBaseUrl: string;
  jwksUrl: string;
  download: (url: string, signal: AbortSignal) => Promise<Buffer>;
  /** A URL fal can fetch a reference from; else it is sent as a data URI. */
  referenceUrl?: ((reference: ReferenceImage) => string) | undefined;
}

export const falModels: ModelCapabilities[] = [
  {
    id: 'fal-ai/nano-banana',
    label: 'Nano Banana (fal.ai)',
    operations: ['generate', 'edit'],
    aspectRatios: [...aspectRatios],
    outputFormats: ['png', 'jpeg', 'webp'],
    maxImages: 4,
    maxReferenceImages: 10,
    resolutions: [],
    price: null,
  },
];

/** The queue's own URLs for a request: never rebuilt (an edit's drop the `/edit` subpath). */
interface JobRef {
  requestId: string;
  statusUrl: string;
  responseUrl: string;
  cancelUrl?: string | undefined;
}

interface FalError {
  detail?: string | { loc?: unknown[]; msg?: string }[];
  error_type?: string;
}

function falError(status: number, body: unknown, retryAfterMs?: number): ProviderError {
  const { detail, error_type: type } = (body ?? {}) as FalError;
  const said = Array.isArray(detail)
    ? detail
        .map((d) => d.msg)
        .filter(Boolean)
        .join('; ')
    : detail;
  const message = `fal.ai: ${said || `HTTP ${status}`}`;
  if (status === 401 || status === 403)
    return new ProviderError('unauthorized', 'fal.ai rejected the key (FAL_KEY)');
  if (type?.includes('timeout')) return new ProviderError('timeout', message);
  if (/content|safety|nsfw/i.test(String(said)))
    return new ProviderError('content_blocked', message);
  return new ProviderError(errorClassForStatus(status), message, retryAfterMs);
}

function input(task: Task, imageUrls: string[]): Record<string, unknown> {
  return {
    prompt: task.prompt,
    num_images: task.count,
    output_format: task.outputFormat,
    ...(task.aspectRatio === 'auto' ? {} : { aspect_ratio: task.aspectRatio }),
    ...(imageUrls.length > 0 ? { image_urls: imageUrls } : {}),
  };
}

/** fal.ai's queue (providers.md §4): submit, then a signed webhook or the status URL. */
export function createFalAdapter(options: FalOptions): AsyncAdapter {
  const jwks = new FalJwks(options.jwksUrl);
  const headers = { authorization: `Key ${options.key ?? ''}` };

  const call = jsonClient('fal.ai', headers, falError);

  return {
    kind: 'async',
    id: 'fal',
    label: 'fal.ai',
    local: false,
    configured: Boolean(options.key),
    hint: options.key ? null : 'Set FAL_KEY',
    defaultModel: 'fal-ai/nano-banana',
    models: falModels,

    async submitJob({ task, references, signal, callbackUrl }) {
      const endpoint = task.operation === 'edit' ? `${task.model}/edit` : task.model;
      const imageUrls = references.map((r) =>
        options.referenceUrl
          ? options.referenceUrl(r)
          : `data:${r.mime};base64,${r.bytes.toString('base64')}`,
      );
      const query = callbackUrl ? `?fal_webhook=${encodeURIComponent(callbackUrl)}` : '';
      const reply = await call<Record<string, unknown>>(
        `${options.queueBaseUrl.replace(/\/$/, '')}/${endpoint}${query}`,
        'POST',
        signal,
        input(task, imageUrls),
      );
      const text = (value: unknown) => (typeof value === 'string' ? value : '');
      const ref: JobRef = {
        requestId: text(reply.request_id),
        statusUrl: text(reply.status_url),
        responseUrl: text(reply.response_url),
        cancelUrl: text(reply.cancel_url) || undefined,
      };
      if (!ref.requestId || !ref.statusUrl || !ref.responseUrl) {
        throw new ProviderError(
          'provider_unavailable',
          'fal.ai queued the request without its URLs',
        );
      }
      return { jobId: JSON.stringify(ref) };
    },

    async pollJob(jobId, signal): Promise<JobState> {
      const ref = JSON.parse(jobId) as JobRef;
      const { status } = await call<{ status?: unknown }>(ref.statusUrl, 'GET', signal);
      if (status === 'IN_QUEUE' || status === 'IN_PROGRESS') return { status: 'running' };
      if (status === 'FAILED' || status === 'ERROR') {
        return {
          status: 'failed',
          error: new ProviderError('no_image', 'fal.ai failed to generate the image'),
        };
      }
      if (status === 'CANCELED')
        return {
          status: 'failed',
          error: new ProviderError('internal', 'The request was canceled at fal.ai'),
        };
      // COMPLETED: the result, or the model's error, is at the response URL.
      const result = await call<{ images?: { url?: unknown }[] }>(ref.responseUrl, 'GET', signal);
      const urls = ((result.images ?? []) as { url?: unknown }[])
        .map((image) => image.url)
        .filter((u): u is string => typeof u === 'string');
      if (urls.length === 0)
        throw new ProviderError('no_image', 'fal.ai completed without an image');
      return {
        status: 'completed',
        images: await Promise.all(urls.map((u) => options.download(u, signal))),
      };
    },

    async cancelJob(jobId) {
      const ref = JSON.parse(jobId) as JobRef;
      if (ref.cancelUrl) await call(ref.cancelUrl, 'PUT');
    },

    async verifyWebhook({ headers: got, rawBody, jobId, now }) {
      if (!(await verifyFalWebhook(jwks, got, rawBody, now))) return false;
      if (jobId === null) return true;
      return got['x-fal-webhook-request-id'] === (JSON.parse(jobId) as JobRef).requestId;
    },
  };
}

import { type ModelCapabilities, type Task } from '../../schemas';
import { errorClassForStatus } from '../error-class-for-status';
import { jsonClient } from '../http-json';
import { nanoBananaModel } from '../nano-banana-model';
import { ProviderError, type AsyncAdapter, type JobState, type ReferenceImage } from '../types';
import { verifyStandardWebhook } from './standard-webhooks';

export interface ReplicateOptions {
  apiToken: string | undefined;
  baseUrl: string;
  /** `whsec_…`; when set, webhooks must carry a valid Standard Webhooks signature. */
  webhookSecret: string | undefined;
  download: (url: string, signal: AbortSignal) => Promise<Buffer>;
  /** A URL the provider can fetch a reference from; else it is sent as a data URL. */
  referenceUrl?: ((reference: ReferenceImage) => string) | undefined;
}

const replicateDefaults: Partial<ModelCapabilities> = {
  outputFormats: ['png', 'jpeg'],
  maxReferenceImages: 14,
};

export const replicateModels: ModelCapabilities[] = [
  nanoBananaModel('google/nano-banana', 'Nano Banana (Replicate)', {
    ...replicateDefaults,
    maxReferenceImages: 10,
  }),
  nanoBananaModel('google/nano-banana-pro', 'Nano Banana Pro (Replicate)', {
    ...replicateDefaults,
    resolutions: ['2K', '1K', '4K'],
  }),
  nanoBananaModel('google/nano-banana-2', 'Nano Banana 2 (Replicate)', {
    ...replicateDefaults,
    resolutions: ['2K', '1K', '4K'],
  }),
];

interface Prediction {
  id?: string;
  status?: 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled';
  output?: unknown;
  error?: string | null;
  urls?: { get?: string; cancel?: string };
}

/** What the engine keeps as the job id: the prediction and the URLs Replicate gave for it. */
interface JobRef {
  id: string;
  get: string;
  cancel?: string | undefined;
}

const blocked = /safety|sensitive|flagged|nsfw|prohibited/i;

function replicateError(status: number, body: unknown, retryAfterMs?: number): ProviderError {
  const detail =
    (body as { detail?: string; title?: string } | null)?.detail ??
    (body as { title?: string } | null)?.title;
  const said = detail?.trim() || `HTTP ${status}`;
  if (status === 401 || status === 403)
    return new ProviderError(
      'unauthorized',
      'Replicate rejected the API token (REPLICATE_API_TOKEN)',
    );
  if (status === 402)
    return new ProviderError(
      'insufficient_credits',
      'The Replicate account needs billing set up or credit',
    );
  return new ProviderError(errorClassForStatus(status), `Replicate: ${said}`, retryAfterMs);
}

function input(task: Task, imageUrls: string[]): Record<string, unknown> {
  return {
    prompt: task.prompt,
    output_format: task.outputFormat === 'jpeg' ? 'jpg' : task.outputFormat,
    aspect_ratio: task.aspectRatio === 'auto' ? 'match_input_image' : task.aspectRatio,
    ...(task.resolution ? { resolution: task.resolution } : {}),
    ...(imageUrls.length > 0 ? { image_input: imageUrls } : {}),
  };
}

/** Replicate predictions (providers.md §5): create, then a webhook or polling `urls.get`. */
export function createReplicateAdapter(options: ReplicateOptions): AsyncAdapter {
  const base = options.baseUrl.replace(/\/$/, '');
  const auth = { authorization: `Bearer ${options.apiToken ?? ''}` };

  const client = jsonClient('Replicate', auth, replicateError);
  const call = (url: string, method: 'GET' | 'POST', signal?: AbortSignal, body?: unknown) =>
    client<Prediction>(url, method, signal, body);

  return {
    kind: 'async',
    id: 'replicate',
    label: 'Replicate',
    local: false,
    configured: Boolean(options.apiToken),
    hint: options.apiToken ? null : 'Set REPLICATE_API_TOKEN',
    defaultModel: 'google/nano-banana',
    models: replicateModels,

    async submitJob({ task, references, signal, callbackUrl }) {
      const imageUrls = references.map((r) =>
        options.referenceUrl
          ? options.referenceUrl(r)
          : `data:${r.mime};base64,${r.bytes.toString('base64')}`,
      );
      const prediction = await call(`${base}/v1/models/${task.model}/predictions`, 'POST', signal, {
        input: input(task, imageUrls),
        ...(callbackUrl ? { webhook: callbackUrl, webhook_events_filter: ['completed'] } : {}),
      });
      if (!prediction.id || !prediction.urls?.get) {
        throw new ProviderError(
          'provider_unavailable',
          'Replicate accepted the prediction without an id',
        );
      }
      const ref: JobRef = {
        id: prediction.id,
        get: prediction.urls.get,
        cancel: prediction.urls.cancel,
      };
      return { jobId: JSON.stringify(ref) };
    },

    async pollJob(jobId, signal): Promise<JobState> {
      const ref = JSON.parse(jobId) as JobRef;
      const prediction = await call(ref.get, 'GET', signal);
      switch (prediction.status) {
        case 'succeeded': {
          const output = Array.isArray(prediction.output) ? prediction.output : [prediction.output];
          const urls = output.filter((u): u is string => typeof u === 'string');
          if (urls.length === 0)
            throw new ProviderError('no_image', 'Replicate succeeded without an image');
          return {
            status: 'completed',
            images: await Promise.all(urls.map((u) => options.download(u, signal))),
          };
        }
        case 'failed': {
          const error = prediction.error ?? 'no details';
          return {
            status: 'failed',
            error: blocked.test(error)
              ? new ProviderError('content_blocked', `Replicate refused the request: ${error}`)
              : new ProviderError('no_image', `Replicate failed to generate the image: ${error}`),
          };
        }
        case 'canceled':
          return {
            status: 'failed',
            error: new ProviderError('internal', 'The prediction was canceled at Replicate'),
          };
        default:
          return { status: 'running' };
      }
    },

    async cancelJob(jobId) {
      const ref = JSON.parse(jobId) as JobRef;
      if (ref.cancel) await call(ref.cancel, 'POST');
    },

    verifyWebhook({ headers, rawBody, jobId, now }) {
      if (
        options.webhookSecret &&
        !verifyStandardWebhook(options.webhookSecret, headers, rawBody, now)
      )
        return false;
      if (jobId === null) return true;
      try {
        return (
          (JSON.parse(rawBody.toString('utf8')) as Prediction).id ===
          (JSON.parse(jobId) as JobRef).id
        );
      } catch {
        return false;
      }
    },
  };
}

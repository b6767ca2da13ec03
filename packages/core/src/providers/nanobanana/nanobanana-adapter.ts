import {
  aspectRatios,
  dimensionsOf,
  imageOperations,
  type ErrorClass,
  type ModelCapabilities,
  type Task,
} from '../../schemas';
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
    operations: [...imageOperations],
    aspectRatios: aspectRatios.filter((r) => r !== 'auto'),
    outputFormats: ['png', 'jpeg', 'webp'],
    maxImages: 1,
    maxReferenceImages: 1,
    resolutions: [],
    // Seed 003's credit table; a batch costs 5 per image.
    price: {
      amount: 8,
      unit: 'credits',
      byOperation: {
        edit: 5,
        'remove-background': 3,
        'style-transfer': 6,
        enhance: 4,
        'batch-edit': 5,
      },
    },
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
  mask_url?: string;
  status?: string;
  result?: { image_url?: string; mask_url?: string } | null;
  credits_used?: number;
  total_credits?: number;
  /** batch-edit: one task per image. */
  tasks?: { task_id: string; status?: string }[];
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

const credits = (amount: number | undefined) =>
  typeof amount === 'number' ? { amount, unit: 'credits' } : undefined;

/** A batch's job id lists its tasks' ids: `batch:<id>,<id>,…`. */
const batchPrefix = 'batch:';

/** The endpoint and body of seed 003 for a task's operation. */
function requestFor(
  task: Task,
  url: (index: number) => string,
  references: number,
): { path: string; body: Record<string, unknown> } {
  const { options } = task;
  switch (task.operation) {
    case 'generate':
      return {
        path: '/text-to-image',
        body: {
          prompt: task.prompt,
          ...dimensionsOf(task.aspectRatio),
          style: 'realistic',
          quality: 'high',
        },
      };
    case 'edit':
      return {
        path: '/image-edit',
        body: {
          prompt: task.prompt,
          image_url: url(0),
          strength: options.strength,
          output_format: task.outputFormat,
        },
      };
    case 'remove-background':
      return {
        path: '/remove-background',
        body: {
          image_url: url(0),
          return_mask: options.returnMask,
          edge_smooth: options.edgeSmooth,
        },
      };
    case 'style-transfer':
      return {
        path: '/style-transfer',
        body: { content_image_url: url(0), style_image_url: url(1), strength: options.strength },
      };
    case 'enhance':
      return {
        path: '/enhance',
        body: {
          image_url: url(0),
          enhancement_type: options.enhancement,
          ...(options.upscaleFactor ? { upscale_factor: options.upscaleFactor } : {}),
        },
      };
    case 'batch-edit':
      return {
        path: '/batch-edit',
        body: {
          prompt: task.prompt,
          image_urls: Array.from({ length: references }, (_, i) => url(i)),
          preserve_character: true,
          style_consistency: true,
        },
      };
    case 'text-to-video':
    case 'image-to-video':
      throw new ProviderError('invalid_request', 'The nanobanana API makes no videos');
  }
}

/** A nanobanana.ai-style REST API (seed 003): every endpoint, then `task/{id}` polling. */
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

  type OneState =
    | { status: 'running' }
    | { status: 'completed'; urls: string[] }
    | { status: 'failed'; error: ProviderError };
  async function pollOne(id: string, signal: AbortSignal): Promise<OneState> {
    const reply = await call(`/task/${encodeURIComponent(id)}`, 'GET', signal);
    if (reply.status === 'completed') {
      const url = reply.result?.image_url ?? reply.image_url;
      if (!url)
        throw new ProviderError('no_image', 'The nanobanana API completed without an image');
      const mask = reply.result?.mask_url ?? reply.mask_url;
      return { status: 'completed', urls: mask ? [url, mask] : [url] };
    }
    if (reply.status === 'failed') {
      const said = typeof reply.error === 'string' ? reply.error : reply.error?.message;
      return {
        status: 'failed',
        error: new ProviderError('no_image', `The nanobanana API failed: ${said ?? 'no details'}`),
      };
    }
    return { status: 'running' };
  }

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
      const url = (index: number) => {
        const reference = references[index];
        if (!reference) throw new ProviderError('invalid_request', 'A reference image is missing');
        return options.referenceUrl
          ? options.referenceUrl(reference)
          : `data:${reference.mime};base64,${reference.bytes.toString('base64')}`;
      };
      const { path, body } = requestFor(task, url, references.length);
      const reply = await call(path, 'POST', signal, body);
      if (task.operation === 'batch-edit') {
        const ids = (reply.tasks ?? []).map((t) => t.task_id).filter(Boolean);
        if (ids.length !== references.length)
          throw new ProviderError(
            'provider_unavailable',
            `The nanobanana API accepted ${ids.length} of ${references.length} batch images`,
          );
        return { jobId: `${batchPrefix}${ids.join(',')}`, charge: credits(reply.total_credits) };
      }
      if (!reply.task_id)
        throw new ProviderError(
          'provider_unavailable',
          'The nanobanana API answered without a task id',
        );
      return { jobId: reply.task_id, charge: credits(reply.credits_used) };
    },

    async pollJob(jobId, signal): Promise<JobState> {
      const ids = jobId.startsWith(batchPrefix)
        ? jobId.slice(batchPrefix.length).split(',')
        : [jobId];
      const states = await Promise.all(ids.map((id) => pollOne(id, signal)));
      const failed = states.find((s) => s.status === 'failed');
      if (failed) return failed;
      if (states.some((s) => s.status === 'running')) return { status: 'running' };
      const urls = states.flatMap((s) => (s.status === 'completed' ? s.urls : []));
      return {
        status: 'completed',
        images: await Promise.all(urls.map((u) => options.download(u, signal))),
      };
    },

    async balance() {
      const account = (await call('/account', 'GET')) as Envelope & {
        credits?: { balance?: number };
      };
      return { amount: account.credits?.balance ?? 0, unit: 'credits' };
    },
  };
}

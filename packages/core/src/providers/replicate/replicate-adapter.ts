import { z } from 'zod';
import { encodeReferences } from '../encode-references';
import { jsonClient } from '../http-json';
import { parseJsonText, parseReply } from '../parse-reply';
import { ProviderError, type AsyncAdapter, type JobState, type ReferenceImage } from '../types';
import { replicateError } from './replicate-error';
import { defaultReplicateModel, replicateModelList, replicateModels } from './replicate-models';
import { replicatePrediction, replicateWebhookBody } from './replicate-replies';
import { verifyStandardWebhook } from './standard-webhooks';
import { uploadToReplicate } from './upload-to-replicate';

export { replicateModels } from './replicate-models';

export interface ReplicateOptions {
  apiToken: string | undefined;
  baseUrl: string;
  /** `whsec_…`; when set, webhooks must carry a valid Standard Webhooks signature. */
  webhookSecret: string | undefined;
  download: (url: string, signal: AbortSignal) => Promise<Buffer>;
  /** A URL Replicate can fetch a reference from; else it is inlined or uploaded to Replicate. */
  referenceUrl?: ((reference: ReferenceImage) => string) | undefined;
}

/** What the engine keeps as the job id: the prediction and the URLs Replicate gave for it. */
const jobRef = z.object({
  id: z.string().min(1),
  get: z.string().min(1),
  cancel: z.string().min(1).optional(),
});
type JobRef = z.infer<typeof jobRef>;

function readJobRef(jobId: string): JobRef {
  const ref = parseJsonText(jobRef, jobId);
  if (!ref) throw new ProviderError('internal', 'The stored Replicate job reference is unreadable');
  return ref;
}

const blocked = /safety|sensitive|flagged|nsfw|prohibited/i;

/** Replicate predictions: create, then a webhook or polling `urls.get`. */
export function createReplicateAdapter(options: ReplicateOptions): AsyncAdapter {
  const base = options.baseUrl.replace(/\/$/, '');
  const origin = new URL(base).origin;
  const authorization = `Bearer ${options.apiToken ?? ''}`;
  const client = jsonClient('Replicate', { authorization }, replicateError);
  const call = async (url: string, method: 'GET' | 'POST', signal?: AbortSignal, body?: unknown) =>
    parseReply(
      replicatePrediction,
      await client<unknown>(url, method, signal, body),
      'Replicate',
      'a prediction',
    );
  /** Replicate's own URLs carry the token: refuse any that point elsewhere. */
  const apiUrl = (url: string): string => {
    if (!url.startsWith(`${origin}/`))
      throw new ProviderError('provider_unavailable', 'Replicate answered with a URL off its API');
    return url;
  };

  return {
    kind: 'async',
    id: 'replicate',
    label: 'Replicate',
    local: false,
    configured: Boolean(options.apiToken),
    hint: options.apiToken ? null : 'Set REPLICATE_API_TOKEN',
    defaultModel: defaultReplicateModel,
    models: replicateModels,

    async submitJob({ task, references, signal, callbackUrl }) {
      const model = replicateModelList.find((m) => m.capabilities.id === task.model);
      if (!model)
        throw new ProviderError('invalid_request', `Replicate has no model "${task.model}"`);
      const imageUrls = await encodeReferences(
        references,
        {
          referenceUrl: options.referenceUrl,
          upload: (reference, uploadSignal) =>
            uploadToReplicate(base, authorization, reference, uploadSignal),
        },
        signal,
      );
      const prediction = await call(`${base}/v1/models/${task.model}/predictions`, 'POST', signal, {
        input: model.input(task, imageUrls),
        ...(callbackUrl ? { webhook: callbackUrl, webhook_events_filter: ['completed'] } : {}),
      });
      const ref: JobRef = {
        id: prediction.id,
        get: apiUrl(prediction.urls.get),
        ...(prediction.urls.cancel ? { cancel: apiUrl(prediction.urls.cancel) } : {}),
      };
      return { jobId: JSON.stringify(ref) };
    },

    async pollJob(jobId, signal): Promise<JobState> {
      const prediction = await call(apiUrl(readJobRef(jobId).get), 'GET', signal);
      switch (prediction.status) {
        case 'succeeded': {
          const { output } = prediction;
          const urls = typeof output === 'string' ? [output] : (output ?? []);
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
      const { cancel } = readJobRef(jobId);
      if (cancel) await client<unknown>(apiUrl(cancel), 'POST');
    },

    verifyWebhook({ headers, rawBody, jobId, now }) {
      if (
        options.webhookSecret &&
        !verifyStandardWebhook(options.webhookSecret, headers, rawBody, now)
      )
        return false;
      const body = parseJsonText(replicateWebhookBody, rawBody.toString('utf8'));
      if (!body) return false;
      if (jobId === null) return true;
      return body.id === parseJsonText(jobRef, jobId)?.id;
    },
  };
}

import { encodeReferences } from '../encode-references';
import { jsonClient, requestJson } from '../http-json';
import { parseJsonText, parseReply } from '../parse-reply';
import { ProviderError, type AsyncAdapter, type JobState, type ReferenceImage } from '../types';
import { falError } from './fal-error';
import { decodeFalJobRef, encodeFalJobRef, readFalJobRef } from './fal-job-ref';
import { defaultFalModel, falModelList, falModels } from './fal-models';
import { falResultReply, falStatusReply, falSubmitReply, falWebhookBody } from './fal-replies';
import { FalJwks, verifyFalWebhook } from './fal-webhook';
import { uploadToFal } from './upload-to-fal';

export { falModels } from './fal-models';

export interface FalOptions {
  key: string | undefined;
  queueBaseUrl: string;
  /** fal's REST API, where large references are uploaded to its CDN. */
  restBaseUrl: string;
  jwksUrl: string;
  download: (url: string, signal: AbortSignal) => Promise<Buffer>;
  /** A URL fal can fetch a reference from; else it is inlined or uploaded to fal's CDN. */
  referenceUrl?: ((reference: ReferenceImage) => string) | undefined;
}

/** fal.ai's queue: submit, then a signed webhook or the status URL it returned. */
export function createFalAdapter(options: FalOptions): AsyncAdapter {
  const jwks = new FalJwks(options.jwksUrl);
  const headers = { authorization: `Key ${options.key ?? ''}` };
  const queueBase = options.queueBaseUrl.replace(/\/$/, '');
  const restBase = options.restBaseUrl.replace(/\/$/, '');
  const queueOrigin = `${new URL(queueBase).origin}/`;
  const call = jsonClient('fal.ai', headers, falError);

  /** The queue's own URLs carry the key: refuse any that point elsewhere. */
  const queueUrl = (url: string): string => {
    if (!url.startsWith(queueOrigin))
      throw new ProviderError('provider_unavailable', 'fal.ai answered with a URL off its queue');
    return url;
  };

  return {
    kind: 'async',
    id: 'fal',
    label: 'fal.ai',
    local: false,
    configured: Boolean(options.key),
    hint: options.key ? null : 'Set FAL_KEY',
    defaultModel: defaultFalModel,
    models: falModels,

    async submitJob({ task, references, signal, callbackUrl }) {
      const model = falModelList.find((m) => m.capabilities.id === task.model);
      if (!model) throw new ProviderError('invalid_request', `fal.ai has no model "${task.model}"`);
      const imageUrls = await encodeReferences(
        references,
        {
          referenceUrl: options.referenceUrl,
          upload: (reference, uploadSignal) => uploadToFal(call, restBase, reference, uploadSignal),
        },
        signal,
      );
      const query = callbackUrl ? `?fal_webhook=${encodeURIComponent(callbackUrl)}` : '';
      const reply = parseReply(
        falSubmitReply,
        await call<unknown>(
          `${queueBase}/${model.endpoint(task)}${query}`,
          'POST',
          signal,
          model.input(task, imageUrls),
        ),
        'fal.ai',
        'a queue reply',
      );
      return {
        jobId: encodeFalJobRef({
          requestId: reply.request_id,
          statusUrl: queueUrl(reply.status_url),
          responseUrl: queueUrl(reply.response_url),
          ...(reply.cancel_url ? { cancelUrl: queueUrl(reply.cancel_url) } : {}),
        }),
      };
    },

    async pollJob(jobId, signal): Promise<JobState> {
      const ref = decodeFalJobRef(jobId);
      const { status } = parseReply(
        falStatusReply,
        await call<unknown>(queueUrl(ref.statusUrl), 'GET', signal),
        'fal.ai',
        'a status',
      );
      if (status !== 'COMPLETED') return { status: 'running' };
      // The result, or the model's own error status, is at the response URL.
      const { images } = parseReply(
        falResultReply,
        await call<unknown>(queueUrl(ref.responseUrl), 'GET', signal),
        'fal.ai',
        'a result',
      );
      if (images.length === 0)
        throw new ProviderError('no_image', 'fal.ai completed without an image');
      return {
        status: 'completed',
        images: await Promise.all(images.map((image) => options.download(image.url, signal))),
      };
    },

    async cancelJob(jobId) {
      const { cancelUrl } = decodeFalJobRef(jobId);
      if (!cancelUrl) return;
      const reply = await requestJson(
        queueUrl(cancelUrl),
        { method: 'PUT', headers },
        undefined,
        'fal.ai',
      );
      // 400 ALREADY_COMPLETED: nothing left to cancel.
      if (reply.status === 400 || (reply.status >= 200 && reply.status < 300)) return;
      throw falError(reply.status, reply.body);
    },

    async verifyWebhook({ headers: got, rawBody, jobId, now }) {
      if (!(await verifyFalWebhook(jwks, got, rawBody, now))) return false;
      // The signed body names the queue request; retried deliveries keep it (their
      // gateway_request_id differs).
      const body = parseJsonText(falWebhookBody, rawBody.toString('utf8'));
      if (!body) return false;
      if (jobId === null) return true;
      return body.request_id === readFalJobRef(jobId)?.requestId;
    },
  };
}

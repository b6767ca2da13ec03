import { ProviderError, type AsyncAdapter, type JobState, type ReferenceImage } from '../types';
import { jsonClient } from '../http-json';
import { RateLimiter } from '../rate-limiter';
import { kieError } from './kie-errors';
import { kieCallbackTaskId, verifyKieSignature } from './kie-webhook';
import { kieCapabilities, kieModels } from './kie-models';

export interface KieOptions {
  apiKey: string | undefined;
  baseUrl: string;
  uploadBaseUrl: string;
  /** Downloads a result URL under the ingest policy. */
  download: (url: string, signal: AbortSignal) => Promise<Buffer>;
  /** The public URL of a reference image, when this server is reachable; else it is uploaded. */
  referenceUrl?: ((reference: ReferenceImage) => string) | undefined;
  /** recordInfo calls per second across all tasks (KIE allows 10). */
  pollsPerSecond?: number;
  /** When set, callbacks must carry a valid signature (KIE_WEBHOOK_HMAC_KEY). */
  webhookHmacKey?: string | undefined;
}

interface Envelope<T> {
  code?: number;
  msg?: string;
  message?: string;
  data?: T;
}

interface RecordInfo {
  taskId?: string;
  task_id?: string;
  state?: string;
  resultJson?: string | null;
  failCode?: string | number | null;
  failMsg?: string | null;
  creditsConsumed?: number;
}

/** KIE.ai's Market jobs API (providers.md §1): createTask, then recordInfo or a callback. */
export function createKieAdapter(options: KieOptions): AsyncAdapter {
  const limiter = new RateLimiter(options.pollsPerSecond ?? 10);
  const base = options.baseUrl.replace(/\/$/, '');

  // Check the HTTP status, then the envelope code: they need not agree (providers.md §1.1).
  const client = jsonClient(
    'KIE.ai',
    { authorization: `Bearer ${options.apiKey ?? ''}` },
    (status, body, retryAfterMs) => {
      const envelope = (body ?? {}) as Envelope<unknown>;
      const ok = status >= 200 && status < 300;
      return kieError(
        ok ? (envelope.code ?? status) : status,
        envelope.msg ?? envelope.message,
        retryAfterMs,
      );
    },
    (body) => {
      const code = (body as Envelope<unknown> | null)?.code;
      return code !== undefined && code !== 200;
    },
  );

  async function call<T>(
    url: string,
    method: 'GET' | 'POST',
    signal?: AbortSignal,
    body?: unknown,
  ): Promise<T> {
    const envelope = await client<Envelope<T>>(url, method, signal, body);
    if (envelope.data === undefined) {
      throw new ProviderError('provider_unavailable', 'KIE.ai answered without data');
    }
    return envelope.data;
  }

  async function upload(reference: ReferenceImage, signal: AbortSignal): Promise<string> {
    const extension = reference.mime.split('/')[1] ?? 'png';
    const data = await call<{ downloadUrl?: string }>(
      `${options.uploadBaseUrl.replace(/\/$/, '')}/api/file-base64-upload`,
      'POST',
      signal,
      {
        base64Data: `data:${reference.mime};base64,${reference.bytes.toString('base64')}`,
        uploadPath: 'genhub',
        fileName: `reference.${extension}`,
      },
    );
    if (!data.downloadUrl)
      throw new ProviderError('provider_unavailable', 'KIE.ai file upload returned no URL');
    return data.downloadUrl;
  }

  return {
    kind: 'async',
    id: 'kie',
    label: 'KIE.ai',
    local: false,
    configured: Boolean(options.apiKey),
    hint: options.apiKey ? null : 'Set KIE_API_KEY',
    defaultModel: 'google/nano-banana',
    models: kieCapabilities,

    async submitJob({ task, references, signal, callbackUrl }) {
      const model = kieModels.find((m) => m.id === task.model);
      if (!model) throw new ProviderError('invalid_request', `KIE.ai has no model ${task.model}`);
      const imageUrls = await Promise.all(
        references.map((r) =>
          options.referenceUrl ? Promise.resolve(options.referenceUrl(r)) : upload(r, signal),
        ),
      );
      const data = await call<{ taskId?: string; task_id?: string }>(
        `${base}/api/v1/jobs/createTask`,
        'POST',
        signal,
        {
          model: model.id,
          ...(callbackUrl ? { callBackUrl: callbackUrl } : {}),
          input: model.input(task, imageUrls),
        },
      );
      const jobId = data.taskId ?? data.task_id;
      if (!jobId)
        throw new ProviderError('provider_unavailable', 'KIE.ai accepted the task without an id');
      return { jobId };
    },

    async pollJob(jobId, signal): Promise<JobState> {
      await limiter.acquire(signal);
      const record = await call<RecordInfo>(
        `${base}/api/v1/jobs/recordInfo?taskId=${encodeURIComponent(jobId)}`,
        'GET',
        signal,
      );
      if (record.state === 'success') {
        let urls: unknown;
        try {
          urls = (JSON.parse(record.resultJson ?? '') as { resultUrls?: unknown }).resultUrls;
        } catch {
          throw new ProviderError('no_image', 'KIE.ai reported success without a readable result');
        }
        if (
          !Array.isArray(urls) ||
          urls.length === 0 ||
          !urls.every((u) => typeof u === 'string')
        ) {
          throw new ProviderError('no_image', 'KIE.ai reported success without an image');
        }
        return {
          status: 'completed',
          images: await Promise.all(urls.map((u: string) => options.download(u, signal))),
          // Seen in callbacks; on recordInfo only community notes show it (providers.md §1.2).
          charge:
            typeof record.creditsConsumed === 'number'
              ? { amount: record.creditsConsumed, unit: 'credits' }
              : undefined,
        };
      }
      if (record.state === 'fail') {
        const code = Number(record.failCode) || 501;
        return { status: 'failed', error: kieError(code, record.failMsg ?? undefined) };
      }
      return { status: 'running' };
    },

    verifyWebhook({ headers, rawBody, jobId, now }) {
      let body: unknown;
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        return false;
      }
      const kieTaskId = kieCallbackTaskId(body);
      if (!kieTaskId || (jobId !== null && jobId !== kieTaskId)) return false;
      if (!options.webhookHmacKey) return true;
      return verifyKieSignature(
        options.webhookHmacKey,
        kieTaskId,
        headers['x-webhook-timestamp'],
        headers['x-webhook-signature'],
        now,
      );
    },

    async balance() {
      const credits = await call<number>(`${base}/api/v1/chat/credit`, 'GET');
      return { amount: credits, unit: 'credits' };
    },
  };
}

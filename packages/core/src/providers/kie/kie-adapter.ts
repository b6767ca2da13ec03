import type { Wait } from '../rate-limiter';
import { ProviderError, type AsyncAdapter, type ReferenceImage } from '../types';
import { createKieClient } from './kie-client';
import type { KieJobApi } from './kie-job-api';
import { kieMarketJobs } from './kie-market-jobs';
import { kieCredit } from './kie-replies';
import { readKieCallback, verifyKieSignature } from './kie-webhook';
import { uploadToKie } from './upload-to-kie';
import { kieVeoJobs } from './veo-jobs';

export interface KieOptions {
  apiKey: string | undefined;
  baseUrl: string;
  uploadBaseUrl: string;
  /** Downloads a result URL under the ingest policy. */
  download: (url: string, signal: AbortSignal) => Promise<Buffer>;
  /** Streams a result video under the video ingest policy (MAX_VIDEO_BYTES). */
  downloadVideo?: ((url: string, signal: AbortSignal) => AsyncIterable<Uint8Array>) | undefined;
  /** The public URL of a reference image, when this server is reachable; else it is uploaded. */
  referenceUrl?: ((reference: ReferenceImage) => string) | undefined;
  /** recordInfo calls per second across all tasks (KIE allows 10). */
  pollsPerSecond?: number;
  /** When set, callbacks must carry a valid signature (KIE_WEBHOOK_HMAC_KEY). */
  webhookHmacKey?: string | undefined;
  /** The clock and sleep of the account's rate limits (tests drive them by hand). */
  now?: () => number;
  wait?: Wait;
}

/** KIE.ai: image models on its Market jobs API; each job API has its own job-id prefix. */
export function createKieAdapter(options: KieOptions): AsyncAdapter {
  const client = createKieClient(options);
  const market = kieMarketJobs(client, { download: options.download });
  const veo = kieVeoJobs(client, { downloadVideo: options.downloadVideo });
  const apis: KieJobApi[] = [market, veo];

  const jobOf = (jobId: string) => {
    const api = apis.find((a) => a.prefix !== '' && jobId.startsWith(a.prefix)) ?? market;
    return { api, kieTaskId: jobId.slice(api.prefix.length) };
  };
  const referenceUrl = (reference: ReferenceImage, signal: AbortSignal) =>
    options.referenceUrl
      ? Promise.resolve(options.referenceUrl(reference))
      : uploadToKie(client, options.uploadBaseUrl, reference, signal);

  return {
    kind: 'async',
    id: 'kie',
    label: 'KIE.ai',
    local: false,
    configured: Boolean(options.apiKey),
    hint: options.apiKey ? null : 'Set KIE_API_KEY',
    defaultModel: 'nano-banana-2',
    models: apis.flatMap((a) => a.models),

    async submitJob({ task, references, signal, callbackUrl }) {
      const api = apis.find((a) => a.models.some((m) => m.id === task.model));
      if (!api) throw new ProviderError('invalid_request', `KIE.ai has no model ${task.model}`);
      const kieTaskId = await api.submit({
        task,
        references,
        referenceUrls: () => Promise.all(references.map((r) => referenceUrl(r, signal))),
        callbackUrl,
        signal,
      });
      return { jobId: api.prefix + kieTaskId };
    },

    pollJob(jobId, signal) {
      const { api, kieTaskId } = jobOf(jobId);
      return api.poll(kieTaskId, signal);
    },

    verifyWebhook({ headers, rawBody, jobId, now }) {
      const kieTaskId = readKieCallback(rawBody)?.taskId;
      if (!kieTaskId || (jobId !== null && jobOf(jobId).kieTaskId !== kieTaskId)) return false;
      if (!options.webhookHmacKey) return true;
      return verifyKieSignature(
        options.webhookHmacKey,
        kieTaskId,
        headers['x-webhook-timestamp'],
        headers['x-webhook-signature'],
        now,
      );
    },

    // Only the callback documents the cost; the engine keeps it on the task for the final poll.
    noteWebhook({ rawBody }) {
      const credits = readKieCallback(rawBody)?.creditsConsumed;
      return credits === undefined ? undefined : { amount: credits, unit: 'credits' };
    },

    async balance() {
      return { amount: await client.read('/api/v1/chat/credit', kieCredit), unit: 'credits' };
    },
  };
}

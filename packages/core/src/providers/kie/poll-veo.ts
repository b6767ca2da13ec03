import type { Charge, JobState } from '../types';
import type { CallbackCredits } from './kie-callback-credits';
import type { KieClient } from './kie-client';
import { kieError } from './kie-errors';
import { veoRecordInfo } from './veo-replies';

export interface PollVeoOptions {
  /** Streams a result video under the ingest policy; read only when it is stored. */
  downloadVideo: (url: string, signal: AbortSignal) => AsyncIterable<Uint8Array>;
  credits: CallbackCredits;
}

/**
 * Where a Veo task stands (`GET /api/v1/veo/record-info`). `successFlag` 1 can come before
 * the result URLs are filled in: that is still running. 2 and 3 failed, with KIE's code.
 */
export async function pollVeo(
  client: KieClient,
  kieTaskId: string,
  signal: AbortSignal,
  options: PollVeoOptions,
): Promise<JobState> {
  const record = await client.read(
    `/api/v1/veo/record-info?taskId=${encodeURIComponent(kieTaskId)}`,
    veoRecordInfo,
    signal,
  );
  const urls = record.response?.resultUrls ?? [];
  const done = (record.successFlag === 1 && urls.length > 0) || [2, 3].includes(record.successFlag);
  if (!done) return { status: 'running' };
  // Veo documents no cost; a callback that carried one is used, else the list price stands.
  const credits = options.credits.take(kieTaskId);
  const charge: Charge | undefined =
    credits === undefined ? undefined : { amount: credits, unit: 'credits' };
  if (record.successFlag !== 1) {
    const code = Number(record.errorCode) || 501;
    return {
      status: 'failed',
      error: kieError(code, record.errorMessage ?? undefined, undefined, charge),
    };
  }
  return {
    status: 'completed',
    images: [],
    videos: urls.map((url) => ({ chunks: options.downloadVideo(url, signal) })),
    charge,
  };
}

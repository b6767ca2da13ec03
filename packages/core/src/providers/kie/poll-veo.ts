import type { JobState } from '../types';
import type { KieClient } from './kie-client';
import { kieError } from './kie-errors';
import { veoRecordInfo } from './veo-replies';

export interface PollVeoOptions {
  /** Streams a result video under the ingest policy; read only when it is stored. */
  downloadVideo: (url: string, signal: AbortSignal) => AsyncIterable<Uint8Array>;
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
  // Veo's record documents no cost: a callback's figure (kept on the task) or the list price.
  if (record.successFlag !== 1) {
    const code = Number(record.errorCode) || 501;
    return { status: 'failed', error: kieError(code, record.errorMessage ?? undefined) };
  }
  return {
    status: 'completed',
    images: [],
    videos: urls.map((url) => ({ chunks: options.downloadVideo(url, signal) })),
  };
}

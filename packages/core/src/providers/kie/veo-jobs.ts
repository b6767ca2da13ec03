import { downloadVideo } from '../../ingest/download-video';
import type { KieClient } from './kie-client';
import type { KieJobApi } from './kie-job-api';
import { pollVeo, type PollVeoOptions } from './poll-veo';
import { submitVeo } from './submit-veo';
import { veoModels } from './veo-models';

/** Veo's job ids are KIE task ids with this in front, so a poll goes to `record-info`. */
export const veoJobPrefix = 'veo:';

/** KIE's Veo 3.1 API: `veo/generate`, then `veo/record-info` (a callback cuts the wait short). */
export function kieVeoJobs(client: KieClient, options: Partial<PollVeoOptions>): KieJobApi {
  const poll: PollVeoOptions = {
    downloadVideo:
      options.downloadVideo ?? ((url, signal) => downloadVideo(url, undefined, signal)),
  };
  return {
    prefix: veoJobPrefix,
    models: veoModels,
    submit: (submission) => submitVeo(client, submission),
    poll: (kieTaskId, signal) => pollVeo(client, kieTaskId, signal, poll),
  };
}

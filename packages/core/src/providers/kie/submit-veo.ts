import type { KieClient } from './kie-client';
import type { KieSubmission } from './kie-job-api';
import { kieCreatedTask } from './kie-replies';
import { veoRequest } from './veo-models';

/**
 * Starts a Veo 3.1 task (`POST /api/v1/veo/generate`): the request is built (and refused
 * if Veo cannot take it) before any image is uploaded. Resolves to KIE's task id.
 */
export async function submitVeo(
  client: KieClient,
  { task, referenceUrls, callbackUrl, signal }: KieSubmission,
): Promise<string> {
  const body = veoRequest(task, callbackUrl);
  const imageUrls = task.operation === 'image-to-video' ? await referenceUrls() : [];
  return client.create(
    '/api/v1/veo/generate',
    { ...body, ...(imageUrls.length > 0 ? { imageUrls } : {}) },
    kieCreatedTask,
    signal,
  );
}

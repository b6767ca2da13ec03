import type { ModelCapabilities, Task } from '../../schemas';
import type { JobState, ReferenceImage } from '../types';

export interface KieSubmission {
  task: Task;
  references: ReferenceImage[];
  /** Where KIE can fetch the references (uploading them): call it once the request is known good. */
  referenceUrls: () => Promise<string[]>;
  callbackUrl: string | null;
  signal: AbortSignal;
}

/**
 * One of KIE's job APIs: the Market's `createTask`, or one with endpoints of its own. The
 * adapter picks the API by the task's model when it submits, and by the job id's prefix
 * when it polls.
 */
export interface KieJobApi {
  /** What starts its job ids in genhub's store; '' for the Market API, whose ids are stored bare. */
  prefix: string;
  models: ModelCapabilities[];
  /** Starts the task; resolves to KIE's task id. */
  submit(submission: KieSubmission): Promise<string>;
  poll(kieTaskId: string, signal: AbortSignal): Promise<JobState>;
}

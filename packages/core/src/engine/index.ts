export { Scheduler, type SchedulerOptions } from './scheduler';
export {
  recoverInterrupted,
  type Recovery,
  type ResumedJob,
  type Takeover,
} from './recover-interrupted';
export { holdJobLease, type JobLease } from './hold-job-lease';
export { releaseJobLease } from './release-job-lease';
export { newInstanceId } from './new-instance-id';
export {
  backoffDelay,
  shouldRetry,
  retryableClasses,
  type BackoffOptions,
  type RetryState,
} from './retry-policy';
export { classifyFailure, type Failure } from './classify-failure';
export { defaultPollDelay } from './poll-schedule';
export { sweepExpired, RetentionSweeper, type RetentionPolicy } from './retention';

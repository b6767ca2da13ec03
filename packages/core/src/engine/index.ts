export { Scheduler, type SchedulerOptions } from './scheduler';
export { recoverInterrupted, type Recovery } from './recover-interrupted';
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

export { pauseQueue, resumeQueue } from './pause-queue';
export { getQueueStatus } from './get-queue-status';
export { retryAllFailed } from './retry-all-failed';
export { allProviders, type PausedScopes } from './paused-scopes';

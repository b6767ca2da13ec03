export { createGenhubClient } from './create-genhub-client';
export type { GenhubClient, GenhubClientOptions } from './create-genhub-client';
export { GenhubError, type GenhubErrorDetails } from './genhub-error';
export { genhubErrorCodes, type GenhubErrorCode } from './error-codes';
export { verifyWebhook, type WebhookHeaders } from './verify-webhook';
export type { GenerateOptions } from './generate';
export type { RunPlanOptions } from './run-plan';
export type { WatchFilter } from './watch';
export type { Asset, UploadOptions } from './upload';
export type { WebSocketConstructor } from './web-socket-client';
export type {
  AppRouter,
  CreatePlanInput,
  CreateTaskInput,
  Generation,
  PlanSummary,
  RouterInputs,
  RouterOutputs,
  Task,
  TaskEvent,
  TaskStatus,
} from './types';

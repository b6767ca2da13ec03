import type { ErrorClass, ModelCapabilities, Task } from '../schemas';

export interface ReferenceImage {
  assetId: string;
  /** The stored file's name. */
  file: string;
  bytes: Buffer;
  mime: string;
  width: number;
  height: number;
}

export interface GenerateRequest {
  task: Task;
  references: ReferenceImage[];
  signal: AbortSignal;
  /** Where an async provider should call back (with this task's token), or null when it cannot reach us. */
  callbackUrl: string | null;
  /** The step an edit continues (its chain's previous turn), for providers with multi-turn context. */
  parent?: ParentTurn | null;
}

/**
 * The previous turn of an edit chain: the task that made the image this edit starts from (its
 * `references[0]`), and the provider's context for that image.
 */
export interface ParentTurn {
  provider: string;
  model: string;
  prompt: string;
  /** Gemini's `thoughtSignature` on the image part, when the provider returned one. */
  thoughtSignature: string | null;
}

/** What the provider says a call cost, in its own unit (credits, output tokens, …). */
export interface Charge {
  amount: number;
  unit: string;
}

/**
 * A video a provider made: its MP4 bytes as they come, streamed into storage (a download
 * starts when they are first read), and a still to show before it plays, when it has one.
 */
export interface VideoOutput {
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  poster?: Uint8Array | undefined;
}

export interface GenerateResult {
  /** Encoded image files, as the provider returned them. */
  images: Buffer[];
  /** For the video operations, instead of images. */
  videos?: VideoOutput[] | undefined;
  charge?: Charge | undefined;
  /** Per image, the provider's context to continue from it (Gemini's thought signature). */
  thoughtSignatures?: (string | null)[] | undefined;
}

/** A provider failure with a class the engine can act on and a message safe to show. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly code: ErrorClass,
    message: string,
    /** How long the provider asked us to wait (Retry-After, retryDelay). */
    readonly retryAfterMs?: number,
    /** What the failed call was billed, where the provider says (a no-image reply with usage). */
    readonly charge?: Charge,
  ) {
    super(message);
  }
}

/** Where an async provider's job stands. */
export type JobState =
  | { status: 'running' }
  | {
      status: 'completed';
      images: Buffer[];
      videos?: VideoOutput[] | undefined;
      charge?: Charge | undefined;
    }
  | { status: 'failed'; error: ProviderError };

interface AdapterInfo {
  id: string;
  label: string;
  local: boolean;
  configured: boolean;
  /** What to set to configure it, when it is not. */
  hint: string | null;
  defaultModel: string;
  models: ModelCapabilities[];
  /** The account's remaining balance, where the provider reports one. */
  balance?(): Promise<{ amount: number; unit: string }>;
}

/** Answers in the reply (local, OpenRouter, Gemini). */
export interface SyncAdapter extends AdapterInfo {
  kind: 'sync';
  generate(request: GenerateRequest): Promise<GenerateResult>;
}

export interface WebhookCall {
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  /** The body exactly as received (signatures cover bytes, not parsed JSON). */
  rawBody: Buffer;
  /** The job id recorded for the task, when it is known yet. */
  jobId: string | null;
  now: number;
}

/** Accepts a job and is polled for it (KIE.ai, fal.ai, Replicate, …). */
export interface AsyncAdapter extends AdapterInfo {
  kind: 'async';
  /**
   * Whether a callback genuinely comes from the provider and is about this job (beyond the
   * per-task token in its URL, which the server has checked already).
   */
  verifyWebhook?(call: WebhookCall): boolean | Promise<boolean>;
  /**
   * A callback that passed `verifyWebhook`, before the job is polled: what only the callback
   * reports (KIE's credits), for the server to keep on the task. The result itself is still
   * confirmed by polling.
   */
  noteWebhook?(call: WebhookCall): Charge | undefined;
  submitJob(request: GenerateRequest): Promise<{ jobId: string; charge?: Charge | undefined }>;
  pollJob(jobId: string, signal: AbortSignal): Promise<JobState>;
  cancelJob?(jobId: string): Promise<void>;
}

export type ProviderAdapter = SyncAdapter | AsyncAdapter;

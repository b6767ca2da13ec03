import type { GenhubErrorCode } from './error-codes';
import { toGenhubError } from './to-genhub-error';
import type { Task } from './types';

export interface GenhubErrorDetails {
  /** The HTTP status the server answered, when there was an answer. */
  status?: number | undefined;
  /** The finished task, for TASK_FAILED and TASK_CANCELED. */
  task?: Task | undefined;
  /** The input field the error concerns (`prompt`, `plan.batches.0.tasks.1.reference_image`…). */
  field?: string | undefined;
  cause?: unknown;
}

/** Every error the client throws: a code to branch on, and what the server said. */
export class GenhubError extends Error {
  override readonly name = 'GenhubError';
  readonly code: GenhubErrorCode;
  readonly status: number | undefined;
  readonly task: Task | undefined;
  readonly field: string | undefined;

  constructor(code: GenhubErrorCode, message: string, details: GenhubErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.status = details.status;
    this.task = details.task;
    this.field = details.field;
  }

  /** Any error (a tRPC client error from `genhub.trpc`, a fetch failure…) as a GenhubError. */
  static from(error: unknown): GenhubError {
    return toGenhubError(error);
  }
}

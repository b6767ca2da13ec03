export const coreErrorCodes = [
  'NOT_FOUND',
  'INVALID_INPUT',
  'CONFLICT',
  'PROVIDER_NOT_CONFIGURED',
  'PAYLOAD_TOO_LARGE',
  /** More pixels than MAX_IMAGE_PIXELS (an image bomb, or simply too big to decode). */
  'IMAGE_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'BUDGET_EXCEEDED',
] as const;
export type CoreErrorCode = (typeof coreErrorCodes)[number];

/** An expected failure with a message that is safe to show a user. */
export class CoreError extends Error {
  override readonly name = 'CoreError';
  constructor(
    readonly code: CoreErrorCode,
    message: string,
    /** The input field at fault, when there is one. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export const isCoreError = (error: unknown): error is CoreError => error instanceof CoreError;

/** A refused sign-in, sign-out or onboarding request, with what the server said. */
export class AuthRequestError extends Error {
  override readonly name = 'AuthRequestError';
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
    /** From `Retry-After` on a 429. */
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
  }
}

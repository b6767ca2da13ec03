export type AccountErrorCode =
  'ALREADY_SET_UP' | 'EMAIL_TAKEN' | 'USER_NOT_FOUND' | 'INVALID_INPUT';

const statusOf: Record<AccountErrorCode, number> = {
  ALREADY_SET_UP: 409,
  EMAIL_TAKEN: 409,
  USER_NOT_FOUND: 404,
  INVALID_INPUT: 400,
};

/** A refusal from an account verb, with the HTTP status it answers with. */
export class AccountError extends Error {
  override readonly name = 'AccountError';
  readonly status: number;
  constructor(
    readonly code: AccountErrorCode,
    message: string,
  ) {
    super(message);
    this.status = statusOf[code];
  }
}

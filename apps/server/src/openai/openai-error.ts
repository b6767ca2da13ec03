/** The kinds OpenAI's clients read from `error.type`. */
export type OpenAiErrorType =
  'invalid_request_error' | 'permission_error' | 'requests' | 'insufficient_quota' | 'server_error';

/** A refusal as OpenAI words it: `{ error: { message, type, param, code } }` with a status. */
export class OpenAiError extends Error {
  override readonly name = 'OpenAiError';
  constructor(
    readonly status: number,
    readonly type: OpenAiErrorType,
    readonly code: string,
    message: string,
    /** The request field at fault, by its OpenAI name. */
    readonly param: string | null = null,
  ) {
    super(message);
  }

  get body() {
    return {
      error: { message: this.message, type: this.type, param: this.param, code: this.code },
    };
  }
}

/** A 400 about one field of the request. */
export const invalidParam = (param: string, message: string, code = 'invalid_value') =>
  new OpenAiError(400, 'invalid_request_error', code, message, param);

/** tRPC's error codes, as the server answers them in `error.data.code`. */
export const trpcErrorCodes = [
  'PARSE_ERROR',
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'PAYMENT_REQUIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_SUPPORTED',
  'TIMEOUT',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNPROCESSABLE_CONTENT',
  'PRECONDITION_REQUIRED',
  'TOO_MANY_REQUESTS',
  'CLIENT_CLOSED_REQUEST',
  'INTERNAL_SERVER_ERROR',
  'NOT_IMPLEMENTED',
  'BAD_GATEWAY',
  'SERVICE_UNAVAILABLE',
  'GATEWAY_TIMEOUT',
] as const;

/** What the client itself concludes, beyond what the server answered. */
export const clientErrorCodes = [
  /** `generate` ended with the task failed (`error.task` holds it). */
  'TASK_FAILED',
  /** `generate` ended with the task canceled (`error.task` holds it). */
  'TASK_CANCELED',
  /** The server could not be reached, or the connection broke. */
  'NETWORK',
  /** A webhook's signature, timestamp or secret did not check out. */
  'INVALID_SIGNATURE',
  /** The caller's `signal` aborted the call. */
  'ABORTED',
  /** The server answered something the client could not read. */
  'INVALID_RESPONSE',
  /** Anything else thrown along the way. */
  'UNKNOWN',
] as const;

export const genhubErrorCodes = [...trpcErrorCodes, ...clientErrorCodes] as const;
export type GenhubErrorCode = (typeof genhubErrorCodes)[number];

const known: ReadonlySet<string> = new Set(genhubErrorCodes);

export function isGenhubErrorCode(code: string): code is GenhubErrorCode {
  return known.has(code);
}

import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { CoreError, CoreErrorCode } from '@genhub/core';

const codes: Record<CoreErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: 'NOT_FOUND',
  INVALID_INPUT: 'BAD_REQUEST',
  CONFLICT: 'CONFLICT',
  PROVIDER_NOT_CONFIGURED: 'PRECONDITION_FAILED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  IMAGE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  BUDGET_EXCEEDED: 'PRECONDITION_FAILED',
};

/** The one place core errors become tRPC errors. */
export function toTRPCError(error: CoreError): TRPCError {
  return new TRPCError({ code: codes[error.code], message: error.message, cause: error });
}

/**
 * What a client is told when the database refuses text it sent: PostgreSQL holds no NUL
 * character, in a value to store or one to look up (see `isUnstorableText`).
 */
export const unstorableTextMessage =
  'Text with a NUL character (U+0000) cannot be stored or looked up';

/** The HTTP status for a core error, for the plain HTTP routes. */
export const httpStatusOf: Record<CoreErrorCode, number> = {
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  PROVIDER_NOT_CONFIGURED: 412,
  PAYLOAD_TOO_LARGE: 413,
  IMAGE_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BUDGET_EXCEEDED: 412,
};

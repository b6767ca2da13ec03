import { isCoreError } from '@genhub/core';
import { isUnstorableText } from '@genhub/db';
import { httpStatusOf, unstorableTextMessage } from '../trpc/to-trpc-error';

export interface ErrorEnvelope {
  status: number;
  code: string;
  message: string;
}

/** The app's codes for the statuses Fastify and its plugins answer with. */
const codeOfStatus: Record<number, string> = {
  400: 'BAD_REQUEST',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'TIMEOUT',
  409: 'CONFLICT',
  411: 'LENGTH_REQUIRED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** Codes and messages of our own where Fastify's would say less, or repeat what was sent. */
const fastifyErrors: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The request body is too large',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INVALID_JSON', message: 'The body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'INVALID_JSON',
    message: 'The body is empty but its content type is JSON',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'BAD_REQUEST',
    message: 'Content-Length does not match the body',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'This content type is not accepted here',
  },
};

interface Thrown {
  statusCode?: unknown;
  code?: unknown;
  message?: unknown;
}

/**
 * What any failed request answers, as `{ error: { code, message } }` with this status: a
 * core error by its code; text the database cannot hold, a 400; a client error from Fastify
 * or a plugin (body parsing, limits) by its status; anything else a 500 that never shows its
 * raw message.
 */
export function errorEnvelope(error: unknown): ErrorEnvelope {
  if (isCoreError(error)) {
    return { status: httpStatusOf[error.code], code: error.code, message: error.message };
  }
  if (isUnstorableText(error)) {
    return { status: 400, code: 'BAD_REQUEST', message: unstorableTextMessage };
  }
  const { statusCode, code, message } = (error ?? {}) as Thrown;
  const status = typeof statusCode === 'number' ? statusCode : 500;
  if (status < 400 || status >= 500) {
    return { status: 500, code: 'INTERNAL', message: 'Internal server error' };
  }
  // A JSON body that does not parse is a SyntaxError whose text quotes the body.
  if (error instanceof SyntaxError) {
    return { status: 400, code: 'INVALID_JSON', message: 'The body is not valid JSON' };
  }
  const own = typeof code === 'string' && code.startsWith('FST_');
  const known = own ? fastifyErrors[code] : undefined;
  return {
    status,
    code: known?.code ?? codeOfStatus[status] ?? 'BAD_REQUEST',
    message:
      known?.message ??
      (own && typeof message === 'string' ? message : 'The request could not be handled'),
  };
}

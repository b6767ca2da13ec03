import { TRPCClientError } from '@trpc/client';
import { z } from 'zod';
import { codeOfStatus } from './code-of-status';
import { isGenhubErrorCode } from './error-codes';
import { GenhubError } from './genhub-error';

/** The `data` genhub's tRPC errors carry. */
const trpcErrorData = z.object({
  code: z.string(),
  httpStatus: z.number().int(),
  field: z.string().nullish(),
});

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** What is read of a tRPC client error (its `data` is whatever the server sent). */
interface ClientErrorFields {
  message: string;
  cause: unknown;
  data: unknown;
}

function fromTrpc(error: ClientErrorFields): GenhubError {
  if (error.cause instanceof GenhubError) return error.cause;
  const data = trpcErrorData.safeParse(error.data);
  if (data.success) {
    const { code, httpStatus, field } = data.data;
    return new GenhubError(
      isGenhubErrorCode(code) ? code : codeOfStatus(httpStatus),
      error.message,
      {
        status: httpStatus,
        field: field ?? undefined,
        cause: error,
      },
    );
  }
  if (isAbort(error.cause))
    return new GenhubError('ABORTED', 'The call was aborted', { cause: error });
  return new GenhubError('NETWORK', error.message, { cause: error });
}

/** One error type for everything the client can throw. */
export function toGenhubError(error: unknown): GenhubError {
  if (error instanceof GenhubError) return error;
  if (error instanceof TRPCClientError) return fromTrpc(error);
  if (isAbort(error)) return new GenhubError('ABORTED', 'The call was aborted', { cause: error });
  // fetch rejects with a TypeError when the server cannot be reached.
  if (error instanceof TypeError)
    return new GenhubError('NETWORK', error.message, { cause: error });
  return new GenhubError('UNKNOWN', error instanceof Error ? error.message : String(error), {
    cause: error,
  });
}

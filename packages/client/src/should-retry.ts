import type { Operation } from '@trpc/client';
import { isTransient } from './is-transient';
import { toGenhubError } from './to-genhub-error';

function hasIdempotencyKey(input: unknown): boolean {
  return (
    typeof input === 'object' &&
    input !== null &&
    'idempotencyKey' in input &&
    typeof input.idempotencyKey === 'string'
  );
}

/**
 * Whether to send an operation again: only a transient failure, and only for what is safe to
 * repeat (a query, or a mutation the server deduplicates by its idempotency key).
 * Subscriptions resume on their own (the WebSocket client reconnects with `lastEventId`).
 */
export function shouldRetry(retries: number) {
  return ({ op, error, attempts }: { op: Operation; error: unknown; attempts: number }) => {
    if (attempts > retries) return false;
    const repeatable =
      op.type === 'query' || (op.type === 'mutation' && hasIdempotencyKey(op.input));
    return repeatable && isTransient(toGenhubError(error));
  };
}

import { TRPCError } from '@trpc/server';
import { readProcedure } from '../trpc/procedures';

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/**
 * The builder for every subscription: signed in with the read scope (the caller's own events
 * only), WebSocket only (the HTTP event-stream transport is not
 * offered), one of the connection's subscription slots held while it runs, and each event
 * produced only when the socket has room for it. `ctx.connection` is never null here.
 */
export const subscriptionProcedure = readProcedure.use(async ({ ctx, next, signal }) => {
  const { connection } = ctx;
  if (!connection) {
    throw new TRPCError({
      code: 'METHOD_NOT_SUPPORTED',
      message: 'Subscriptions are served over the WebSocket at /trpc only',
    });
  }
  const slot = connection.reserveSubscription();
  let held = false;
  try {
    const result = await next({ ctx: { connection, live: slot.live } });
    if (!result.ok || !isAsyncIterable(result.data)) return result;
    held = true;
    return { ...result, data: slot.hold(result.data, signal) };
  } finally {
    if (!held) slot.cancel();
  }
});

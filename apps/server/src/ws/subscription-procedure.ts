import { TRPCError } from '@trpc/server';
import { publicProcedure } from '../trpc/init';

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/**
 * The builder for every subscription: WebSocket only (the HTTP event-stream transport is not
 * offered), one of the connection's subscription slots held while it runs, and each event
 * produced only when the socket has room for it. `ctx.connection` is never null here.
 */
export const subscriptionProcedure = publicProcedure.use(async ({ ctx, next, signal }) => {
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

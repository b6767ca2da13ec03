import { initTRPC, TRPCError } from '@trpc/server';
import { isCoreError } from '@genhub/core';
import { isUnstorableText } from '@genhub/db';
import { ZodError } from 'zod';
import type { TrpcContext } from './context';
import { maxInputDepth, nestsDeeperThan } from './input-depth';
import { toTRPCError, unstorableTextMessage } from './to-trpc-error';

const t = initTRPC.context<TrpcContext>().create({
  // Stack traces never go to clients, in any mode.
  isDev: false,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    if (cause instanceof ZodError) {
      const first = cause.issues[0];
      return {
        ...shape,
        message: cause.issues
          .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
          .join('; '),
        data: { ...shape.data, field: first?.path.join('.') ?? null },
      };
    }
    if (isCoreError(cause)) {
      return { ...shape, data: { ...shape.data, field: cause.field ?? null } };
    }
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      return { ...shape, message: 'Internal server error', data: { ...shape.data, field: null } };
    }
    return { ...shape, data: { ...shape.data, field: null } };
  },
});

const mapCoreErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isCoreError(result.error.cause)) throw toTRPCError(result.error.cause);
  if (!result.ok && isUnstorableText(result.error.cause)) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: unstorableTextMessage });
  }
  return result;
});

const refuseDeepInput = t.middleware(async ({ getRawInput, next }) => {
  if (nestsDeeperThan(await getRawInput(), maxInputDepth)) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `The input nests objects or arrays more than ${maxInputDepth} levels deep`,
    });
  }
  return next();
});

const countRateLimitedCalls = t.middleware(async ({ ctx, path, next }) => {
  await ctx.countCall(path);
  return next();
});

const refreshViewer = t.middleware(async ({ ctx, next }) =>
  next({ ctx: { viewer: await ctx.currentViewer() } }),
);

export const router = t.router;
export const middleware = t.middleware;
/** Open to anyone: only what a signed-out visitor needs (who am I, onboarding). */
export const publicProcedure = t.procedure
  .use(refuseDeepInput)
  .use(refreshViewer)
  .use(countRateLimitedCalls)
  .use(mapCoreErrors);

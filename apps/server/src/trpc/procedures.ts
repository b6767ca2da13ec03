import { TRPCError } from '@trpc/server';
import type { Scope } from '../auth/scopes';
import { middleware, publicProcedure } from './init';

const requireScope = (scope: Scope) =>
  middleware(({ ctx, next }) => {
    const { viewer } = ctx;
    if (!viewer) {
      throw new TRPCError({
        code: 'UNAUTHORIZED',
        message: 'Sign in, or send an API key as "Authorization: Bearer gh_…"',
      });
    }
    if (!viewer.scopes.includes(scope)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `This needs the "${scope}" scope, which this ${viewer.via === 'key' ? 'API key' : 'account'} does not have`,
      });
    }
    // Admin procedures act on every user's rows, on purpose; the rest only on the caller's own.
    const core = scope === 'admin' ? ctx.core : { ...ctx.core, owner: viewer.user.id };
    return next({ ctx: { viewer, core } });
  });

/** Reads the caller's own things. */
export const readProcedure = publicProcedure.use(requireScope('read'));
/** Creates or changes the caller's own things, spending credits included. */
export const generateProcedure = publicProcedure.use(requireScope('generate'));
/** Every user's things, and the server's settings: admins only. */
export const adminProcedure = publicProcedure.use(requireScope('admin'));

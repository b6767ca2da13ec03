import { TRPCError } from '@trpc/server';
import { coreForViewer } from '../auth/core-for-viewer';
import { refuseViewer } from '../auth/refuse-viewer';
import type { Scope } from '@genhub/api';
import { middleware, publicProcedure } from './init';

const requireScope = (scope: Scope) =>
  middleware(({ ctx, next }) => {
    const { viewer, refusal } = refuseViewer(ctx.viewer, scope);
    if (refusal) throw new TRPCError({ code: refusal.code, message: refusal.message });
    return next({ ctx: { viewer, core: coreForViewer(ctx.core, viewer, scope) } });
  });

/** Reads the caller's own things. */
export const readProcedure = publicProcedure.use(requireScope('read'));
/** Creates or changes the caller's own things, spending credits included. */
export const generateProcedure = publicProcedure.use(requireScope('generate'));
/** Every user's things, and the server's settings: admins only. */
export const adminProcedure = publicProcedure.use(requireScope('admin'));

import { TRPCError } from '@trpc/server';
import { readProcedure } from '../trpc/procedures';

/**
 * Creating and revoking keys: from a signed-in session, or with an API key that holds the
 * `admin` scope. A leaked read or generate key cannot mint itself successors or revoke the
 * owner's other keys.
 */
export const keyManagementProcedure = readProcedure.use(({ ctx, next }) => {
  if (ctx.viewer.via === 'key' && !ctx.viewer.scopes.includes('admin')) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message:
        'An API key can create or revoke keys only if it has the "admin" scope: sign in to manage your keys',
    });
  }
  return next();
});

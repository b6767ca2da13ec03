import type { AnyRouter, inferRouterContext } from '@trpc/server';

type Procedure<R extends AnyRouter> = ((opts: {
  ctx: inferRouterContext<R>;
}) => Promise<unknown>) & {
  _def: object;
};

/**
 * `router`, with `check` run before each of the procedures at `paths`, however the call came
 * (HTTP or WebSocket, batched or not): tRPC finds every call's procedure by its path in
 * `_def.procedures`, so a wrapper there runs first, with the context the call was made in. A
 * path the router does not have is an error at startup, never a limit silently not applied.
 */
export function guardProcedures<R extends AnyRouter>(
  router: R,
  paths: readonly string[],
  check: (ctx: inferRouterContext<R>, path: string) => Promise<void>,
): R {
  const procedures = router._def.procedures as Record<string, Procedure<R> | undefined>;
  const guarded = { ...procedures };
  for (const path of paths) {
    const procedure = procedures[path];
    if (!procedure) throw new Error(`No procedure "${path}" to guard`);
    guarded[path] = Object.assign(async (opts: { ctx: inferRouterContext<R> }) => {
      await check(opts.ctx, path);
      return procedure(opts);
    }, procedure);
  }
  return { ...router, _def: { ...router._def, procedures: guarded } };
}

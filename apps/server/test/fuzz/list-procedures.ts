import type { AnyRouter } from '@trpc/server';

export type ProcedureType = 'query' | 'mutation' | 'subscription';

export interface ProcedureInfo {
  path: string;
  type: ProcedureType;
}

/** Every procedure of a router with its type, read from the router itself. */
export function listProcedures(router: AnyRouter): ProcedureInfo[] {
  const procedures = router._def.procedures as Record<string, { _def: { type: ProcedureType } }>;
  return Object.entries(procedures).map(([path, procedure]) => ({
    path,
    type: procedure._def.type,
  }));
}

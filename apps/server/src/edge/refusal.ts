import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';

/** Why the edge turned a request away, in both shapes a client may expect. */
export interface Refusal {
  status: number;
  /** The `{ error: { code } }` of plain HTTP routes. */
  code: string;
  /** The code a tRPC client sees in `error.data.code`. */
  trpcCode: TRPC_ERROR_CODE_KEY;
  message: string;
}

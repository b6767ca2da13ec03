import type { TRPCClient } from '@trpc/client';
import type { SharedTaskEvents } from './shared-task-events';
import type { AppRouter } from './types';

/** What every helper of one client shares. */
export interface ClientContext {
  /** The server's base URL, ending in `/`. */
  base: URL;
  apiKey: string;
  fetch: typeof fetch;
  /** Extra tries after a transient failure of something safe to repeat. */
  retries: number;
  trpc: TRPCClient<AppRouter>;
  /** The one subscription every `generate` of this client waits on. */
  taskEvents: SharedTaskEvents;
}

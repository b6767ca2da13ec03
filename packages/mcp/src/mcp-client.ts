import type { GenhubClient } from '@genhub/client';

/** What the tools use of the client: the typed procedures and the helpers built on them. */
export type McpClient = Pick<GenhubClient, 'trpc' | 'generate' | 'upload' | 'download' | 'plans'>;

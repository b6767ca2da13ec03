import { scriptedAdapter } from '@genhub/core/testing';
import type { TestServer } from '../test-server';

/**
 * A provider `scripted` on the running server: the local engine, except that a prompt naming
 * a failure fails for good with it (`…blocked…`: content_blocked; `…refused…`: the provider
 * refused the server's key).
 */
export function addScriptedProvider(server: TestServer): void {
  const adapter = scriptedAdapter((prompt) => {
    if (prompt.includes('blocked')) return { code: 'content_blocked' };
    if (prompt.includes('refused')) return { code: 'unauthorized' };
    return null;
  });
  server.app.core.providers.replace([{ ...adapter, id: 'scripted', label: 'Scripted' }]);
}

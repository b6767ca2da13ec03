import type { Env } from '../env';
import { parseHostName } from './parse-host-name';

export interface EdgePolicy {
  /** Host names a request's `Host` may name. */
  hosts: ReadonlySet<string>;
  /** Origins besides the request's own that may change data or open a WebSocket. */
  origins: ReadonlySet<string>;
}

const wildcardAddresses = new Set(['0.0.0.0', '::', '[::]']);

/** Who the edge guard lets in, from the configuration. */
export function buildEdgePolicy(env: Env): EdgePolicy {
  const hosts = new Set(['localhost', '127.0.0.1', '[::1]', ...env.ALLOWED_HOSTS]);
  const bound = wildcardAddresses.has(env.HOST) ? null : parseHostName(env.HOST);
  if (bound) hosts.add(bound);
  const origins = new Set(env.ALLOWED_ORIGINS);
  if (env.PUBLIC_BASE_URL) {
    const publicUrl = new URL(env.PUBLIC_BASE_URL);
    hosts.add(publicUrl.hostname);
    origins.add(publicUrl.origin);
  }
  return { hosts, origins };
}

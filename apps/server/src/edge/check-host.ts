import { hostNameOf } from './parse-host-name';
import type { Refusal } from './refusal';

/**
 * Against DNS rebinding: a page on attacker.example whose name now resolves to this
 * machine is same-origin with itself, so only the `Host` it sends gives it away.
 */
export function checkHost(
  hostHeader: string | undefined,
  allowed: ReadonlySet<string>,
): Refusal | null {
  const name = hostNameOf(hostHeader);
  if (name !== null && allowed.has(name)) return null;
  const named = hostHeader ? `Host "${hostHeader}"` : 'A request without a Host header';
  return {
    status: 421,
    code: 'FORBIDDEN_HOST',
    trpcCode: 'FORBIDDEN',
    message:
      `${named} is refused: this server answers only to localhost, its own address, ` +
      `PUBLIC_BASE_URL's host and those listed in ALLOWED_HOSTS (a guard against DNS rebinding). ` +
      `Add the name to ALLOWED_HOSTS if you reach genhub by it.`,
  };
}

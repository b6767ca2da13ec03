import { isIP } from 'node:net';
import { z } from 'zod';

const cidr = /^(?<address>[^/]+)\/(?<bits>\d{1,3})$/;

/** An IP address, or one with a prefix length (`10.0.0.0/8`, `fd00::/8`). */
function isAddressOrRange(entry: string): boolean {
  const range = cidr.exec(entry)?.groups;
  if (!range) return isIP(entry) !== 0;
  const family = isIP(range.address ?? '');
  const bits = Number(range.bits);
  return family !== 0 && bits <= (family === 4 ? 32 : 128);
}

/**
 * `TRUST_PROXY`: which proxies' `X-Forwarded-For` names the client, as Fastify's `trustProxy`
 * takes it: unset or `false` (none: the socket's address is the client), `true` (any), a
 * number of hops, or a comma-separated list of proxy addresses and ranges.
 */
export const trustProxySetting = z
  .string()
  .default('')
  .transform((text, ctx): boolean | string[] | ((address: string, hop: number) => boolean) => {
    const value = text.trim();
    if (value === '' || value === 'false') return false;
    if (value === 'true') return true;
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      return (_address, hop) => hop < hops;
    }
    const entries = value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const bad = entries.find((entry) => !isAddressOrRange(entry));
    if (bad === undefined) return entries;
    ctx.addIssue({
      code: 'custom',
      message: `"${bad}" is not true, false, a number of hops, or a proxy address or range such as 10.0.0.0/8`,
    });
    return z.NEVER;
  });

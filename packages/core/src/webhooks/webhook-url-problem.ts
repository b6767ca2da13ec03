import { isIP } from 'node:net';
import { isPublicAddress } from '../ingest/address-policy';
import { allowedHostKey } from '../ingest/download-image';

/**
 * Why webhooks may not be sent to `url`, or null when they may: https only, and no private,
 * loopback or link-local address literal, unless its `host:port` is allowed (tests). Host
 * names are checked again after DNS resolution, when each delivery connects.
 */
export function webhookUrlProblem(url: URL, allowHosts: ReadonlySet<string>): string | null {
  const allowed = allowHosts.has(allowedHostKey(url));
  if (url.protocol !== 'https:' && !(allowed && url.protocol === 'http:')) {
    return 'Webhooks are sent to https:// URLs only';
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowed && isIP(host) !== 0 && !isPublicAddress(host)) {
    return 'Webhooks are not sent to private, loopback or link-local addresses';
  }
  return null;
}

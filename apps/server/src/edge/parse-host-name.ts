import { isIP } from 'node:net';

/**
 * The host name a `Host` header names, lower-cased and without its port, the way URLs
 * normalize it (IPv6 in brackets, IDN in punycode); null when it names no host.
 */
export function hostNameOf(hostHeader: string | undefined): string | null {
  if (!hostHeader || /[\s/\\?#@]/.test(hostHeader)) return null;
  try {
    return new URL(`http://${hostHeader}`).hostname || null;
  } catch {
    return null;
  }
}

/** An `ALLOWED_HOSTS` entry (or `HOST`) as a host name comparable with `hostNameOf`; null when it is not a bare host name. */
export function parseHostName(entry: string): string | null {
  const bracketed = isIP(entry) === 6 ? `[${entry}]` : entry;
  // A port would be silently ignored by the comparison: say so instead.
  if (/:\d*$/.test(bracketed.replace(/^\[[^\]]*\]/, ''))) return null;
  return hostNameOf(bracketed);
}

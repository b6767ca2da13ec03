import type { IncomingHttpHeaders } from 'node:http';
import { parseOrigin } from './parse-origin';
import type { Refusal } from './refusal';

const refuse = (who: string): Refusal => ({
  status: 403,
  code: 'FORBIDDEN_ORIGIN',
  trpcCode: 'FORBIDDEN',
  message:
    `${who} is refused: only this app's own origin and those listed in ALLOWED_ORIGINS ` +
    `may change data or open a live connection. Add the origin to ALLOWED_ORIGINS if it is yours.`,
});

/**
 * Against cross-site requests and WebSocket hijacking. Browsers send `Origin` (and
 * `Sec-Fetch-Site`) and pages cannot forge them; servers, the CLI and tests send neither
 * and pass.
 */
export function checkOrigin(
  headers: IncomingHttpHeaders,
  ownOrigin: string | null,
  allowed: ReadonlySet<string>,
): Refusal | null {
  const { origin } = headers;
  if (origin === undefined) {
    const site = headers['sec-fetch-site'];
    if (site === undefined || site === 'same-origin' || site === 'none') return null;
    return refuse(`A ${site} request without an allowed Origin`);
  }
  const normal = parseOrigin(origin);
  if (normal !== null && (normal === ownOrigin || allowed.has(normal))) return null;
  return refuse(`A request from ${origin === 'null' ? 'an opaque origin ("null")' : origin}`);
}

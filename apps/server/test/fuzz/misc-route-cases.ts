import type { Rng } from './create-rng';
import type { HttpCase } from './fuzz-case';
import { toJsonText } from './hostile-json';
import { hostileString, hostileValue } from './hostile-value';
import type { RouteInfo } from './list-routes';
import { encodedSegment, rawPath } from './path-text';
import { getCase } from './route-case-context';

const unknownPaths = [
  '/',
  '/nope',
  '/api',
  '/api/',
  '/api/assets/x',
  '/api/export',
  '/.env',
  '/.git/config',
  '/%',
  '/%zz',
  '/%00',
  '//',
  '/..',
  '/./healthz',
  '/a/../../etc/passwd',
  `/${'a'.repeat(10_000)}`,
  `/?${'a=1&'.repeat(2_000)}`,
  '/healthz/',
  '/HEALTHZ',
  '/healthz?__proto__[x]=1',
  '/trpc',
  '/webhooks/',
  '/webhooks/evil',
];

/** `/healthz`, unknown routes, unknown and odd methods, bodies where none is expected. */
export function miscCases(rng: Rng): HttpCase[] {
  const cases = unknownPaths.map((path) =>
    getCase(`GET ${path.slice(0, 20)}`, `GET ${path.slice(0, 60)}`, path),
  );
  cases.push(
    getCase('GET /healthz', 'healthz', '/healthz'),
    getCase('GET /healthz', 'healthz, foreign Host', '/healthz', {
      headers: { host: 'attacker.example' },
    }),
    getCase('GET /healthz', 'healthz, no Host', '/healthz', { noHost: true }),
    getCase('GET /', 'GET /, no Host', '/', { noHost: true }),
  );
  for (const method of [
    'POST',
    'PUT',
    'DELETE',
    'PATCH',
    'OPTIONS',
    'TRACE',
    'PROPFIND',
    'PURGE',
    'M-SEARCH',
    'BREW',
  ]) {
    const path = rng.pick(['/healthz', '/api/assets', '/nope', '/api/export/zip']);
    cases.push({
      kind: 'http',
      label: `${method} ${path}`,
      target: 'methods',
      method,
      path,
      headers: { 'content-type': rng.pick(['application/json', 'text/plain', 'application/xml']) },
      body: Buffer.from(rng.pick(['{', '{}', '<x/>', hostileString(rng)])),
    });
  }
  return cases;
}

function fill(rng: Rng, url: string): string {
  return url
    .replace(/:[A-Za-z]+/g, () => encodedSegment(hostileString(rng).slice(0, 200)) || 'x')
    .replace('*', () => rawPath(hostileString(rng).slice(0, 200)));
}

/** Every registered route, however it came to be, with hostile parameters and bodies. */
export function genericCases(rng: Rng, routes: RouteInfo[]): HttpCase[] {
  return routes.flatMap((route) =>
    Array.from({ length: 3 }, (): HttpCase => {
      const body = toJsonText(hostileValue(rng)) ?? '';
      return {
        kind: 'http',
        label: `${route.method} ${route.url} (hostile parameters and body)`,
        target: `${route.method} ${route.url}`,
        method: route.method,
        path: fill(rng, route.url.startsWith('/') ? route.url : `/${route.url}`),
        headers: { 'content-type': rng.pick(['application/json', 'text/plain']) },
        body: route.method === 'GET' ? undefined : Buffer.from(body),
      };
    }),
  );
}

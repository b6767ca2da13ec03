import type { FastifyRequest } from 'fastify';

/** The routes the tRPC plugin registers: the WebSocket endpoint and one per procedure path. */
export const trpcSocketRoute = '/trpc';
export const trpcCallRoute = '/trpc/:path';

function decodedPath(url: string): string {
  const path = url.split('?', 1)[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * What a request is aimed at, by the route Fastify matched (which it finds on the decoded
 * path, so `/%74rpc/x` is a tRPC call too); a request no route matched, by its decoded path.
 */
export function trpcTarget(req: FastifyRequest): 'socket' | 'call' | null {
  const route = req.routeOptions.url;
  if (route === trpcSocketRoute) return 'socket';
  if (route === trpcCallRoute) return 'call';
  if (route !== undefined) return null;
  const path = decodedPath(req.url);
  if (path === trpcSocketRoute) return 'socket';
  return path.startsWith(`${trpcSocketRoute}/`) ? 'call' : null;
}

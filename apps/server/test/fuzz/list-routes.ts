export interface RouteInfo {
  method: string;
  /** As registered, e.g. `/api/assets/:id/content`; `*` is a wildcard. */
  url: string;
}

const line = /^((?:│ {3}| {4})*)(?:├── |└── )(\S+)(?: \(([A-Z, ]+)\))?$/;

/**
 * Every route in Fastify's `printRoutes()` tree, so a route added later is fuzzed (generically)
 * without anyone listing it. HEAD is left out: Fastify adds it to every GET.
 */
export function listRoutes(printed: string): RouteInfo[] {
  const stack: string[] = [];
  const routes: RouteInfo[] = [];
  for (const text of printed.split('\n')) {
    const match = line.exec(text);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const url = (stack[depth - 1] ?? '') + (match[2] ?? '');
    stack[depth] = url;
    stack.length = depth + 1;
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD') routes.push({ method, url });
    }
  }
  return routes;
}

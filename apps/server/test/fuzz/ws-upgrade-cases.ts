import type { Rng } from './create-rng';
import type { WsCase } from './fuzz-case';
import { hostileString } from './hostile-value';

/** Upgrades from foreign origins and hosts, to other paths, with hostile connection params. */
export function upgradeCases(rng: Rng): WsCase[] {
  const upgrade = (
    label: string,
    path: string,
    headers: Record<string, string>,
    extra: Partial<WsCase> = {},
  ): WsCase => ({
    kind: 'ws',
    label: `ws upgrade: ${label}`,
    target: 'ws upgrade',
    path,
    headers,
    frames: [],
    calls: [],
    ...extra,
  });
  const cases = [
    upgrade(
      'foreign Origin',
      '/trpc',
      { origin: 'https://evil.example' },
      { mustFail: 'a WebSocket from a foreign Origin was opened' },
    ),
    upgrade(
      'Origin null',
      '/trpc',
      { origin: 'null' },
      { mustFail: 'a WebSocket from an opaque origin was opened' },
    ),
    upgrade(
      'cross-site, no Origin',
      '/trpc',
      { 'sec-fetch-site': 'cross-site' },
      { mustFail: 'a cross-site WebSocket was opened' },
    ),
    upgrade(
      'foreign Host',
      '/trpc',
      { host: 'attacker.example' },
      { mustFail: 'a WebSocket for a foreign Host was opened' },
    ),
    upgrade('query string with NUL', '/trpc?x=%00', {}),
  ];
  for (const path of [
    '/api/assets',
    '/healthz',
    '/nope',
    '/trpc/task.get',
    '/files/x',
    '/webhooks/kie',
  ]) {
    // Not a WebSocket route: refused, or answered and closed.
    cases.push(upgrade(`to ${path}`, path, {}, { mayClose: true }));
  }
  for (const first of [
    'not json',
    '{"method":"connectionParams","data":"x"}',
    '{"method":"connectionParams","data":{"a":1}}',
    JSON.stringify({ method: 'connectionParams', data: { token: hostileString(rng) } }),
  ]) {
    cases.push(
      upgrade(
        `connection params ${first.slice(0, 30)}`,
        '/trpc?connectionParams=1',
        {},
        { frames: [first], mayClose: true },
      ),
    );
  }
  return cases;
}

import type { Rng } from './create-rng';
import type { HttpCase } from './fuzz-case';
import { HostileObject, toJsonText } from './hostile-json';
import { deepNesting, hostileString, hostileValue } from './hostile-value';
import { encodedSegment } from './path-text';
import type { RouteCaseContext } from './route-case-context';

/** `POST /api/export/zip`: hostile ids as JSON and as a form, wrong bodies and types, the edge. */
export function exportCases(rng: Rng, ctx: RouteCaseContext): HttpCase[] {
  const target = 'POST /api/export/zip';
  const post = (
    label: string,
    type: string | null,
    body: string | Buffer,
    extra: Partial<HttpCase> = {},
  ): HttpCase => ({
    kind: 'http',
    label: `export: ${label}`,
    target,
    method: 'POST',
    path: '/api/export/zip',
    headers: type === null ? {} : { 'content-type': type },
    body: Buffer.from(body),
    ...extra,
  });
  const json = 'application/json';
  const form = 'application/x-www-form-urlencoded';
  const cases = [
    post('valid JSON', json, JSON.stringify({ ids: [ctx.exportId] })),
    post('valid form', form, `ids=${ctx.exportId}`),
    post(
      '10,001 ids',
      json,
      JSON.stringify({ ids: Array.from({ length: 10_001 }, (_, i) => `x${i}`) }),
    ),
    post('form, repeated ids', form, `ids=${ctx.exportId}&ids=../x&ids=%00`),
    post('form, ids[]', form, 'ids[]=a&ids[]=b'),
    post('form, __proto__', form, '__proto__[ids]=a&constructor[prototype][fuzzPolluted]=1'),
    post('form, 100,000 commas', form, `ids=${','.repeat(100_000)}`),
    post('malformed JSON', json, '{"ids":['),
    post('JSON null', json, 'null'),
    post('JSON string', json, '"ids"'),
    post('deep JSON', json, toJsonText(deepNesting(rng, 100_000)) ?? ''),
    post('over 1 MB', json, JSON.stringify({ ids: ['a'.repeat(1_100_000)] })),
    post('text/plain', 'text/plain', `ids=${ctx.exportId}`),
    post(
      'multipart',
      'multipart/form-data; boundary=x',
      `--x\r\nContent-Disposition: form-data; name="ids"\r\n\r\n${ctx.exportId}\r\n--x--\r\n`,
    ),
    post('no content type', null, JSON.stringify({ ids: [ctx.exportId] })),
    post('empty', json, ''),
    post('from a foreign Origin', json, JSON.stringify({ ids: [ctx.exportId] }), {
      headers: {
        'content-type': json,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
      mustFail: 'an export was sent to a foreign Origin',
    }),
  ];
  for (let i = 0; i < 12; i++) {
    const ids = rng.chance(0.7) ? [hostileValue(rng), ctx.exportId] : hostileValue(rng);
    cases.push(
      post('hostile ids (JSON)', json, toJsonText(new HostileObject([['ids', ids]])) ?? ''),
    );
  }
  for (let i = 0; i < 6; i++) {
    cases.push(
      post('hostile ids (form)', form, `ids=${encodedSegment(hostileString(rng))},${ctx.exportId}`),
    );
  }
  return cases;
}

import type { Rng } from './create-rng';
import type { HttpCase } from './fuzz-case';
import { hostileString } from './hostile-value';
import { encodedSegment } from './path-text';
import { getCase, type RouteCaseContext } from './route-case-context';

/** `GET /api/assets/:id/content` with forged, expired, malformed and repeated signatures. */
export function assetContentCases(rng: Rng, ctx: RouteCaseContext): HttpCase[] {
  const target = 'GET /api/assets/:id/content';
  const forged = () => rng.bytes(32).toString('base64url');
  const future = String(Math.floor(Date.now() / 1000) + 3600);
  const queries = [
    '',
    `?expires=${future}`,
    `?signature=${forged()}`,
    `?expires=1&signature=${forged()}`,
    `?expires=${future}&signature=${forged()}`,
    `?expires=99999999999999999999&signature=${forged()}`,
    `?expires=NaN&signature=${forged()}`,
    `?expires=-1&signature=${forged()}`,
    `?expires=%20${future}&signature=${forged()}`,
    `?expires=${future}&signature=`,
    `?expires=${future}&expires=1&signature=${forged()}&signature=${forged()}`,
    `?expires[]=${future}&signature[]=${forged()}`,
    `?expires=${future}&signature=${'A'.repeat(100_000)}`,
    `?expires=${future}&signature=${encodeURIComponent('\u0000'.repeat(43))}`,
  ];
  const cases = queries.map((q) =>
    getCase(
      target,
      `asset content ${q.slice(0, 60) || '(no query)'}`,
      `/api/assets/${ctx.assetId}/content${q}`,
      {
        mustFail: 'an image was served without a valid signature',
      },
    ),
  );
  for (const id of [
    '..%2f..%2fsecret.key',
    '%00',
    '__proto__',
    'a'.repeat(6000),
    encodedSegment(hostileString(rng)),
  ]) {
    cases.push(
      getCase(
        target,
        `asset content id ${id.slice(0, 30)}`,
        `/api/assets/${id}/content?expires=${future}&signature=${forged()}`,
        {
          mustFail: 'an image was served without a valid signature',
        },
      ),
    );
  }
  return cases;
}

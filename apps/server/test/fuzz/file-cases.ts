import type { Rng } from './create-rng';
import type { HttpCase } from './fuzz-case';
import { hostileString } from './hostile-value';
import { encodedSegment, rawPath } from './path-text';
import { getCase, type RouteCaseContext } from './route-case-context';

const traversals = [
  '../genhub.sqlite',
  '..%2fgenhub.sqlite',
  '%2e%2e/genhub.sqlite',
  '%2e%2e%2fsecret.key',
  '..%5csecret.key',
  '....//secret.key',
  '..;/secret.key',
  '%252e%252e%252fsecret.key',
  '%c0%ae%c0%ae/secret.key',
  '.%2e/secret.key',
  '/etc/passwd',
  '%2fetc%2fpasswd',
  '%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '%ef%bc%8e%ef%bc%8e%ef%bc%8fsecret.key',
  '%00',
  'x%00.png',
  '.tmp-x',
  '.',
  '..',
  '',
  '../genhub.sqlite-wal',
  'a'.repeat(5000),
  '%zz',
];

/** `GET /files/*`: traversal in every spelling, odd names, ranges, conditional requests. */
export function fileCases(rng: Rng, ctx: RouteCaseContext): HttpCase[] {
  const target = 'GET /files/*';
  const cases = traversals.map((t) => getCase(target, `files: ${t.slice(0, 40)}`, `/files/${t}`));
  cases.push(
    getCase(target, 'files: no slash', '/files'),
    getCase(target, 'files: upper case', '/FILES/../secret.key'),
  );
  for (let i = 0; i < 10; i++) {
    const name = hostileString(rng).slice(0, 300);
    cases.push(
      getCase(
        target,
        `files: ${JSON.stringify(name.slice(0, 30))}`,
        `/files/${rng.chance(0.5) ? rawPath(name) : encodedSegment(name)}`,
      ),
    );
  }
  for (const range of [
    'bytes=0-',
    'bytes=999999999-',
    'bytes=-1',
    'bytes=5-1',
    'bytes=a-b',
    `bytes=${'0-1,'.repeat(500)}0-1`,
  ]) {
    cases.push(
      getCase(target, `files: Range ${range.slice(0, 20)}`, `/files/${ctx.fileName}`, {
        headers: { range },
      }),
    );
  }
  cases.push(
    getCase(target, 'files: If-None-Match garbage', `/files/${ctx.fileName}`, {
      headers: { 'if-none-match': '"\u00ff", *, W/' },
    }),
  );
  for (const method of ['POST', 'PUT', 'DELETE']) {
    cases.push({
      ...getCase(target, `files: ${method}`, `/files/${ctx.fileName}`),
      method,
      body: Buffer.from('x'),
    });
  }
  return cases;
}

import type { Rng } from './create-rng';
import type { HttpCase } from './fuzz-case';
import { fromPlain, HostileObject, toJsonText, type Hostile } from './hostile-json';
import { deepNesting, hostileValue } from './hostile-value';
import type { ProcedureInfo } from './list-procedures';
import { mutateInput } from './mutate-input';
import { multipartBody } from './multipart-body';
import { sweepInput } from './sweep-input';

export interface TrpcCaseContext {
  procedures: ProcedureInfo[];
  valid: Record<string, unknown>;
  /** This server's origin, which may do anything. */
  ownOrigin: string;
}

const foreignOrigins = [
  'https://evil.example',
  'null',
  'http://127.0.0.1.evil.example',
  'http://localhost:1',
];
/** Names a page could be served from after DNS rebinding (not other spellings of 127.0.0.1). */
const foreignHosts = [
  'attacker.example',
  'evil.example:80',
  '127.0.0.1.nip.io',
  'localhost.evil.example',
];

/** Input text that is not JSON, or is JSON no procedure input should be. */
const malformed = [
  '{',
  '{"id":',
  'undefined',
  "{'id':1}",
  '[1,]',
  'NaN',
  '\u0000',
  '{"id":"a"}}',
  '1e999',
  '\ufeff{}',
  '',
  'null',
];

const jsonTypes = ['application/json', 'application/json; charset=utf-8', 'Application/JSON'];
const otherTypes = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/json-patch+json',
  'text/plain; charset=application/json',
  '',
];

const inputQuery = (text: string | undefined) =>
  text === undefined ? '' : `?input=${encodeURIComponent(text)}`;

/** The valid input of a procedure, the inputs derived from it, and plain hostile ones. */
function inputsFor(rng: Rng, valid: Hostile): { name: string; text: string | undefined }[] {
  const inputs: { name: string; text: string | undefined }[] = [
    { name: 'valid', text: toJsonText(valid) },
  ];
  for (let i = 0; i < 10; i++) {
    const { input, field } = mutateInput(rng, valid);
    inputs.push({ name: `almost valid: ${field}`, text: toJsonText(input) });
  }
  for (let i = 0; i < 8; i++) inputs.push({ name: 'hostile', text: toJsonText(hostileValue(rng)) });
  for (let i = 0; i < 2; i++) inputs.push({ name: 'malformed', text: rng.pick(malformed) });
  return inputs;
}

function call(
  procedure: ProcedureInfo,
  variant: string,
  text: string | undefined,
  headers: Record<string, string> = {},
  method = procedure.type === 'mutation' ? 'POST' : 'GET',
): HttpCase {
  const post = method !== 'GET' && method !== 'HEAD';
  return {
    kind: 'http',
    label: `tRPC ${method} ${procedure.path} (${variant})`,
    target: procedure.path,
    method,
    path: `/trpc/${procedure.path}${post ? '' : inputQuery(text)}`,
    headers: post ? { 'content-type': 'application/json', ...headers } : headers,
    body: post && text !== undefined ? Buffer.from(text) : undefined,
    stream: procedure.type === 'subscription' && method === 'GET',
  };
}

/** Wrong content types, Origins and Hosts, each on a valid input so only the edge stops it. */
function edgeCases(
  rng: Rng,
  procedure: ProcedureInfo,
  text: string | undefined,
  ownOrigin: string,
) {
  const cases: HttpCase[] = [];
  const host = rng.pick(foreignHosts);
  cases.push({
    ...call(procedure, `Host: ${host}`, text, { host }),
    mustFail: 'a request for a foreign Host (DNS rebinding) was served',
  });
  cases.push(
    call(procedure, 'own Origin', text, { origin: ownOrigin, 'sec-fetch-site': 'same-origin' }),
  );
  if (procedure.type !== 'mutation') return cases;
  const origin = rng.pick(foreignOrigins);
  cases.push({
    ...call(procedure, `Origin: ${origin}`, text, { origin, 'sec-fetch-site': 'cross-site' }),
    mustFail: 'a mutation from a foreign Origin was run',
  });
  cases.push({
    ...call(procedure, 'Sec-Fetch-Site: cross-site, no Origin', text, {
      'sec-fetch-site': 'cross-site',
    }),
    mustFail: 'a cross-site mutation without Origin was run',
  });
  const type = rng.pick(otherTypes);
  const form = type.startsWith('multipart')
    ? multipartBody('fuzz', [{ name: 'input', data: Buffer.from(text ?? '{}') }])
    : undefined;
  cases.push({
    ...call(procedure, `Content-Type: ${type || 'none'}`, text),
    headers: type ? { 'content-type': type } : {},
    body: form ?? Buffer.from(text ?? ''),
    mustFail: 'a tRPC mutation not sent as JSON was run',
  });
  return cases;
}

/** Per procedure: valid, almost valid, hostile and malformed inputs, wrong methods, the edge. */
function procedureCases(rng: Rng, ctx: TrpcCaseContext, procedure: ProcedureInfo): HttpCase[] {
  const valid = fromPlain(ctx.valid[procedure.path]);
  const inputs = inputsFor(rng, valid);
  const cases = inputs
    .slice(0, procedure.type === 'subscription' ? 8 : inputs.length)
    .map(({ name, text }) => {
      const base = call(procedure, name, text);
      if (base.method !== 'POST') return base;
      const type = rng.pick(jsonTypes);
      return { ...base, headers: { 'content-type': type } };
    });
  if (procedure.type !== 'subscription') {
    for (const { input, field } of sweepInput(rng, valid)) {
      cases.push(call(procedure, `field sweep: ${field}`, toJsonText(input)));
    }
  }
  const validText = toJsonText(valid);
  const wrongMethod = procedure.type === 'query' ? 'POST' : 'GET';
  cases.push(call(procedure, 'wrong method', validText, {}, wrongMethod));
  cases.push(
    call(procedure, 'odd method', validText, {}, rng.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS'])),
  );
  return cases.concat(edgeCases(rng, procedure, validText, ctx.ownOrigin));
}

/** `?batch=1` calls: several procedures (of one type or mixed), odd input maps. */
function batchCase(rng: Rng, ctx: TrpcCaseContext): HttpCase {
  const type = rng.pick(['query', 'mutation', 'mixed'] as const);
  const pool = ctx.procedures.filter((p) => type === 'mixed' || p.type === type);
  const size = rng.chance(0.1) ? 50 : 2 + rng.int(6);
  const chosen = Array.from({ length: size }, () => rng.pick(pool));
  const entries: [string, Hostile][] = chosen.map((p, i) => {
    const valid = fromPlain(ctx.valid[p.path]);
    const roll = rng.next();
    const input =
      roll < 0.3 ? valid : roll < 0.7 ? mutateInput(rng, valid).input : hostileValue(rng);
    return [String(i), input];
  });
  if (rng.chance(0.2)) entries.push([rng.pick(['__proto__', '99', '-1', 'x']), hostileValue(rng)]);
  const roll = rng.next();
  const input: Hostile =
    roll < 0.8
      ? new HostileObject(entries)
      : roll < 0.9
        ? entries.map(([, v]) => v)
        : hostileValue(rng);
  const text = toJsonText(input);
  const method = chosen.some((p) => p.type === 'mutation') ? 'POST' : 'GET';
  const paths = chosen.map((p) => p.path).join(',');
  const post = method === 'POST';
  return {
    kind: 'http',
    label: `tRPC batch ${method} ×${size} (${type})`,
    target: 'tRPC batch',
    method,
    path: `/trpc/${paths}?batch=1${post ? '' : text === undefined ? '' : `&input=${encodeURIComponent(text)}`}`,
    headers: post ? { 'content-type': 'application/json' } : {},
    body: post && text !== undefined ? Buffer.from(text) : undefined,
  };
}

/** Procedure paths and query strings tRPC itself must resolve safely. */
const oddPaths = [
  '/trpc/',
  '/trpc/%00',
  '/trpc/task',
  '/trpc/task.',
  '/trpc/.task.get',
  '/trpc/task..get',
  '/trpc/__proto__',
  '/trpc/constructor',
  '/trpc/toString',
  '/trpc/task.__proto__',
  '/trpc/task.constructor',
  '/trpc/hasOwnProperty',
  '/trpc/_def',
  '/trpc/task.get/extra',
  '/trpc/task.get%2f..%2fcreate',
  '/trpc/../api/export/zip',
  '/trpc/task.get?batch=1',
  '/trpc/task.get?batch=true&input=%7B%7D',
  '/trpc/task.get,?batch=1&input=%7B%7D',
  '/trpc/,,,?batch=1&input=%7B%7D',
  '/trpc/task.get?input=1&input=2',
  '/trpc/task.get?input=%E0%A4%A',
  '/trpc/task.get?input[id]=x',
  '/trpc/task.get?__proto__[polluted]=1',
  '/trpc/provider.list?batch=1&input=%7B%220%22%3A1e999%7D',
];

function oddPathCases(rng: Rng): HttpCase[] {
  const cases = oddPaths.map((path): HttpCase => ({
    kind: 'http',
    label: `tRPC odd path ${path}`,
    target: 'tRPC paths',
    method: rng.pick(['GET', 'POST']),
    path,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from('{}'),
  }));
  cases.push({
    kind: 'http',
    label: 'tRPC path of 4,000 dots',
    target: 'tRPC paths',
    method: 'GET',
    path: `/trpc/${'a.'.repeat(2000)}get`,
  });
  for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND']) {
    cases.push({
      kind: 'http',
      label: `tRPC ${method}`,
      target: 'tRPC paths',
      method,
      path: '/trpc/task.create',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{}'),
    });
  }
  return cases;
}

/** Bodies no parser should choke on: over the size limit, deeply nested, not JSON. */
function bodyCases(rng: Rng, ctx: TrpcCaseContext): HttpCase[] {
  const mutations = ctx.procedures.filter((p) => p.type === 'mutation');
  const bodies: [string, string][] = [
    ['over 1 MB', `{"prompt":"${'a'.repeat(1_100_000)}"}`],
    ['nested 100,000 deep', deepNesting(rng, 100_000).text],
    ['nested 400,000 deep', '['.repeat(400_000)],
    ['malformed', rng.pick(malformed)],
    ['malformed', rng.pick(malformed)],
  ];
  return bodies.map(([name, text]) => {
    const procedure = rng.pick(mutations);
    return { ...call(procedure, name, text), target: procedure.path };
  });
}

/** Every tRPC case over HTTP: per procedure, in batches, odd paths and bodies. */
export function trpcCases(rng: Rng, ctx: TrpcCaseContext): HttpCase[] {
  const cases = ctx.procedures.flatMap((p) => procedureCases(rng, ctx, p));
  for (let i = 0; i < 40; i++) cases.push(batchCase(rng, ctx));
  return cases.concat(oddPathCases(rng), bodyCases(rng, ctx));
}

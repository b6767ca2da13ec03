import type { Rng } from './create-rng';
import type { WsCall, WsCase } from './fuzz-case';
import { fromPlain, HostileObject, RawJson, toJsonText, type Hostile } from './hostile-json';
import { deepNesting, hostileString, hostileValue } from './hostile-value';
import type { ProcedureInfo } from './list-procedures';
import { mutateInput } from './mutate-input';
import { sweepInput } from './sweep-input';
import { upgradeCases } from './ws-upgrade-cases';

export interface WsCaseContext {
  procedures: ProcedureInfo[];
  valid: Record<string, unknown>;
}

/** Sequence numbers no log of this test reaches. */
const beyondTheEnd = [
  '99999999999',
  '9007199254740993',
  `1${'0'.repeat(30)}`,
  '9223372036854775808',
];

let nextId = 1;
const freshId = () => nextId++;

function message(
  id: Hostile,
  method: Hostile,
  path: Hostile,
  input: Hostile,
  lastEventId?: Hostile,
): string {
  const params = new HostileObject([
    ['path', path],
    ['input', input],
    ...(lastEventId === undefined ? [] : ([['lastEventId', lastEventId]] as [string, Hostile][])),
  ]);
  return (
    toJsonText(
      new HostileObject([
        ['id', id],
        ['jsonrpc', '2.0'],
        ['method', method],
        ['params', params],
      ]),
    ) ?? ''
  );
}

function callCase(
  label: string,
  procedure: ProcedureInfo,
  input: Hostile,
  lastEventId?: Hostile,
): WsCase {
  const id = freshId();
  return {
    kind: 'ws',
    label: `ws ${procedure.type} ${procedure.path} (${label})`,
    target: procedure.path,
    frames: [message(id, procedure.type, procedure.path, input, lastEventId)],
    calls: [{ id, subscription: procedure.type === 'subscription' }],
  };
}

/** Subscriptions with valid, almost valid and hostile inputs and cursors; every other procedure too. */
function procedureCases(rng: Rng, ctx: WsCaseContext): WsCase[] {
  const cases: WsCase[] = [];
  for (const procedure of ctx.procedures) {
    const valid = fromPlain(ctx.valid[procedure.path]);
    const almostValid = () => {
      const { input, field } = mutateInput(rng, valid);
      return callCase(`almost valid: ${field}`, procedure, input);
    };
    if (procedure.type !== 'subscription') {
      cases.push(almostValid(), callCase('hostile', procedure, hostileValue(rng)));
      continue;
    }
    cases.push(callCase('valid', procedure, valid));
    for (let i = 0; i < 8; i++) cases.push(almostValid());
    for (let i = 0; i < 4; i++) cases.push(callCase('hostile', procedure, hostileValue(rng)));
    for (const { input, field } of sweepInput(rng, valid)) {
      cases.push(callCase(`field sweep: ${field}`, procedure, input));
    }
    for (let i = 0; i < 3; i++) {
      cases.push(
        callCase(
          'hostile lastEventId',
          procedure,
          valid,
          rng.pick([hostileValue(rng), '-1', '1e3', '0x10', ' 1', '', 0]),
        ),
      );
    }
  }
  const events = ctx.procedures.find((p) => p.path === 'task.events');
  if (events) {
    for (const cursor of beyondTheEnd) {
      cases.push({
        ...callCase(
          `lastEventId ${cursor.slice(0, 20)}`,
          events,
          new HostileObject([['lastEventId', cursor]]),
        ),
        mustError: 'a lastEventId beyond the end of the log did not end in an error',
      });
    }
  }
  return cases;
}

/** Envelopes that are wrong in one place: id, method, params, jsonrpc. */
function envelopeCases(rng: Rng, ctx: WsCaseContext): WsCase[] {
  const cases: WsCase[] = [];
  const some = () => rng.pick(ctx.procedures);
  for (const id of [
    null,
    new HostileObject([]),
    [],
    1.5,
    -1,
    true,
    'x'.repeat(10_000),
    new RawJson('1e999'),
  ]) {
    const p = some();
    const validId = typeof id === 'number' || (typeof id === 'string' && id.length > 0);
    cases.push({
      kind: 'ws',
      label: `ws id ${toJsonText(id)?.slice(0, 20)}`,
      target: 'ws envelope',
      frames: [message(id, p.type, p.path, fromPlain(ctx.valid[p.path]))],
      calls: validId ? [{ id, subscription: p.type === 'subscription' }] : [],
      nullIdError: !validId,
    });
  }
  for (const method of [
    '',
    'SUBSCRIPTION',
    'query',
    'mutation',
    'subscription',
    '__proto__',
    'connectionParams',
    hostileString(rng),
  ]) {
    const p = some();
    const id = freshId();
    const known = ['query', 'mutation', 'subscription'].includes(method);
    cases.push({
      kind: 'ws',
      label: `ws method ${JSON.stringify(method.slice(0, 20))} on ${p.path}`,
      target: 'ws envelope',
      frames: [message(id, method, p.path, fromPlain(ctx.valid[p.path]))],
      calls: known
        ? [{ id, subscription: method === 'subscription' && p.type === 'subscription' }]
        : [],
      nullIdError: !known,
    });
  }
  for (const path of [
    '',
    'nope',
    '__proto__',
    'task.__proto__',
    'toString',
    'task',
    'a.'.repeat(5000),
    hostileString(rng),
  ]) {
    const id = freshId();
    cases.push({
      kind: 'ws',
      label: `ws path ${JSON.stringify(path.slice(0, 20))}`,
      target: 'ws envelope',
      frames: [message(id, rng.pick(['query', 'mutation', 'subscription']), path, null)],
      calls: [{ id, subscription: false }],
    });
  }
  for (const params of [
    null,
    [],
    'x',
    new HostileObject([]),
    new HostileObject([['__proto__', new HostileObject([['path', 'task.get']])]]),
  ]) {
    const id = freshId();
    const text =
      toJsonText(
        new HostileObject([
          ['id', id],
          ['method', 'query'],
          ['params', params],
        ]),
      ) ?? '';
    cases.push({
      kind: 'ws',
      label: `ws params ${text.slice(0, 40)}`,
      target: 'ws envelope',
      frames: [text],
      calls: [],
      nullIdError: true,
    });
  }
  return cases;
}

/** Frames that are not tRPC messages at all, batches, stops of nothing, duplicate ids. */
function frameCases(rng: Rng, ctx: WsCaseContext): WsCase[] {
  const raw = (label: string, frame: string | Buffer, extra: Partial<WsCase> = {}): WsCase => ({
    kind: 'ws',
    label: `ws frame: ${label}`,
    target: 'ws frames',
    frames: [frame],
    calls: [],
    nullIdError: true,
    ...extra,
  });
  const cases = [
    raw('not JSON', 'not json'),
    raw('[]', '[]', { nullIdError: false }),
    raw('[1,2]', '[1,2]'),
    raw('null', 'null'),
    raw('a string', '"x"'),
    raw('{}', '{}'),
    raw('binary', rng.bytes(64)),
    raw('200 KB of noise', hostileString(rng).repeat(1).padEnd(200_000, '\u0000')),
    raw('nested 100,000 deep', deepNesting(rng, 100_000).text),
    raw('PING', 'PING', { nullIdError: false }),
    raw('PONG', 'PONG', { nullIdError: false }),
    raw('over 1 MB', 'x'.repeat(1_100_000), { nullIdError: false, mayClose: true }),
    raw('stop of an unknown id', JSON.stringify({ id: freshId(), method: 'subscription.stop' }), {
      nullIdError: false,
    }),
  ];
  const batch: WsCall[] = [];
  const frames = Array.from({ length: 5 }, () => {
    const p = rng.pick(ctx.procedures.filter((x) => x.type !== 'subscription'));
    const id = freshId();
    batch.push({ id, subscription: false });
    return JSON.parse(message(id, p.type, p.path, fromPlain(ctx.valid[p.path]))) as unknown;
  });
  cases.push({
    kind: 'ws',
    label: 'ws batch of 5 calls',
    target: 'ws frames',
    frames: [JSON.stringify(frames)],
    calls: batch,
  });
  const sub = ctx.procedures.find((p) => p.type === 'subscription');
  if (sub) {
    const id = freshId();
    const frame = message(id, 'subscription', sub.path, fromPlain(ctx.valid[sub.path]));
    cases.push({
      kind: 'ws',
      label: `ws duplicate subscription id on ${sub.path}`,
      target: sub.path,
      frames: [frame, frame],
      calls: [{ id, subscription: true }],
    });
  }
  return cases;
}

/** Every WebSocket case: procedures, envelopes, raw frames, upgrades. */
export function wsCases(rng: Rng, ctx: WsCaseContext): WsCase[] {
  nextId = 1;
  return [
    ...procedureCases(rng, ctx),
    ...envelopeCases(rng, ctx),
    ...frameCases(rng, ctx),
    ...upgradeCases(rng),
  ];
}

import type { WsCase } from './fuzz-case';
import { isTrpcError, checkAnswer } from './check-answer';
import { excerpt, type Failure } from './failure';
import { findLeaks, type LeakMarkers } from './find-leaks';
import { openWs, type WsConnection, type WsMessage } from './ws-connection';

const replyMs = 5000;
const quietMs = 150;
const mustErrorMs = 1500;
const stopMs = 3000;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

interface Reply {
  key: string;
  kind: 'error' | 'started' | 'data' | 'stopped' | 'other';
}

function replyOf(message: WsMessage): Reply | null {
  if (!isRecord(message.json)) return null;
  const { id, error, result } = message.json;
  const key = JSON.stringify(id ?? null);
  if (error !== undefined) return { key, kind: 'error' };
  const type = isRecord(result) ? result.type : undefined;
  return {
    key,
    kind: type === 'started' || type === 'data' || type === 'stopped' ? type : 'other',
  };
}

/** Resolves when `check` holds for a message, the socket closes, or `ms` pass. */
function waitFor(
  connection: WsConnection,
  check: (reply: Reply) => boolean,
  ms: number,
): Promise<boolean> {
  return new Promise((resolve) => {
    const stop = connection.listen((message) => {
      const reply = replyOf(message);
      if (reply && check(reply)) finish(true);
    });
    const timer = setTimeout(() => finish(false), ms);
    void connection.closed.then(() => finish(false));
    function finish(result: boolean) {
      clearTimeout(timer);
      stop();
      resolve(result);
    }
  });
}

/** Runs one case's frames on an open socket; every message it gets is checked as it comes. */
async function runFrames(
  connection: WsConnection,
  c: WsCase,
  markers: LeakMarkers,
): Promise<Failure[]> {
  const failures: Failure[] = [];
  const input = c.frames.map((f) => excerpt(f, 160)).join(' | ');
  const fail = (check: string, detail: string, output = '') =>
    failures.push({ check, target: c.target, label: c.label, status: null, input, output, detail });
  const stopChecking = connection.listen((message) => {
    const leaks = findLeaks(Buffer.from(message.text), true, markers, c.frames.join(' '));
    if (leaks.length > 0) fail('no leak', leaks.join(', '), excerpt(message.text));
    if (message.json === undefined && message.text !== 'PONG')
      fail('error shape', 'a WebSocket message that is not JSON', excerpt(message.text));
    if (isRecord(message.json) && 'error' in message.json && !isTrpcError(message.json.error)) {
      fail('error shape', 'not a tRPC error', excerpt(message.text));
    }
  });
  const keys = new Map(c.calls.map((call) => [JSON.stringify(call.id), call]));
  const first = new Map<string, Reply['kind']>();
  const seen = new Set<string>();
  const stopRecording = connection.listen((message) => {
    const reply = replyOf(message);
    if (reply) seen.add(`${reply.key} ${reply.kind}`);
  });
  const replyOrWait = (key: string, kind: Reply['kind'], ms: number) =>
    seen.has(`${key} ${kind}`)
      ? Promise.resolve(true)
      : waitFor(connection, (r) => r.key === key && r.kind === kind, ms);
  let nullReply = false;
  const answered = waitFor(
    connection,
    (reply) => {
      if (reply.key === 'null') nullReply = true;
      if (keys.has(reply.key) && !first.has(reply.key)) first.set(reply.key, reply.kind);
      return nullReply || (keys.size > 0 && first.size === keys.size);
    },
    keys.size > 0 || c.nullIdError ? replyMs : quietMs,
  );
  for (const frame of c.frames) connection.send(frame);
  const replied = await answered;
  if (!replied && connection.closeCode === null && (keys.size > 0 || c.nullIdError)) {
    fail('answers', `no reply in ${replyMs} ms`);
  }
  for (const [key, call] of keys) {
    const reply = first.get(key);
    const started = call.subscription && reply === 'started';
    // An error may come at once, or right after `started` (a generator that throws first).
    if (c.mustError && reply !== 'error') {
      const errored = started && (await replyOrWait(key, 'error', mustErrorMs));
      if (!errored) fail('security', c.mustError);
    }
    if (!started) continue;
    const stopped = replyOrWait(key, 'stopped', stopMs);
    connection.send(JSON.stringify({ id: call.id, method: 'subscription.stop' }));
    if (!(await stopped) && connection.closeCode === null) {
      fail('answers', `the subscription did not stop within ${stopMs} ms`);
    }
  }
  if (connection.closeCode !== null && !c.mayClose)
    fail('answers', `the server closed the socket (code ${connection.closeCode})`);
  stopChecking();
  stopRecording();
  return failures;
}

/** A case that opens its own socket: an upgrade from elsewhere, to elsewhere, or with params. */
async function runUpgrade(base: string, c: WsCase, markers: LeakMarkers): Promise<Failure[]> {
  const opened = await openWs(base + (c.path ?? '/trpc'), c.headers);
  if (opened.kind === 'error') {
    return [
      {
        check: 'answers',
        target: c.target,
        label: c.label,
        status: null,
        input: c.path ?? '',
        output: '',
        detail: `upgrade failed without an answer: ${opened.reason}`,
      },
    ];
  }
  if (opened.kind === 'refused') {
    return checkAnswer(
      {
        kind: 'http',
        label: c.label,
        target: c.target,
        method: 'GET',
        path: c.path ?? '/trpc',
        headers: c.headers,
      },
      { kind: 'answer', status: opened.status, headers: opened.headers, body: opened.body },
      markers,
    );
  }
  const failures: Failure[] = c.mustFail
    ? [
        {
          check: 'security',
          target: c.target,
          label: c.label,
          status: 101,
          input: c.path ?? '',
          output: '',
          detail: c.mustFail,
        },
      ]
    : [];
  failures.push(...(await runFrames(opened.connection, c, markers)));
  await opened.connection.close();
  return failures;
}

/**
 * Runs WebSocket cases: upgrades on their own sockets, the rest over `lanes` shared sockets,
 * opened with `laneHeaders` (an `Authorization` to call as someone).
 */
export async function runWsCases(
  base: string,
  cases: WsCase[],
  markers: LeakMarkers,
  laneHeaders: Record<string, string> = {},
  lanes = 3,
): Promise<Failure[]> {
  const own = cases.filter((c) => c.path !== undefined || c.headers !== undefined);
  const shared = cases.filter((c) => !own.includes(c));
  const failures: Failure[] = [];
  const lane = async (slice: WsCase[]) => {
    let connection: WsConnection | null = null;
    for (const c of slice) {
      if (!connection || connection.closeCode !== null) {
        const opened = await openWs(`${base}/trpc`, laneHeaders);
        if (opened.kind !== 'open') {
          failures.push({
            check: 'answers',
            target: c.target,
            label: c.label,
            status: null,
            input: '',
            output: '',
            detail: `could not open a WebSocket (${opened.kind})`,
          });
          continue;
        }
        connection = opened.connection;
      }
      failures.push(...(await runFrames(connection, c, markers)));
    }
    await connection?.close();
  };
  await Promise.all(
    Array.from({ length: lanes }, (_, i) => lane(shared.filter((_, j) => j % lanes === i))),
  );
  for (const c of own) failures.push(...(await runUpgrade(base, c, markers)));
  return failures;
}

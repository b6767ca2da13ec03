import type { HttpCase } from './fuzz-case';
import { excerpt, type Failure } from './failure';
import { findLeaks, type LeakMarkers } from './find-leaks';
import type { HttpOutcome } from './send-http';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** tRPC's error shape: a message, a JSON-RPC code, and the tRPC code with its HTTP status. */
export function isTrpcError(error: unknown): boolean {
  return (
    isRecord(error) &&
    typeof error.message === 'string' &&
    typeof error.code === 'number' &&
    isRecord(error.data) &&
    typeof error.data.code === 'string' &&
    typeof error.data.httpStatus === 'number'
  );
}

/** One tRPC answer: `{ result }` or `{ error }`; a batch is a list of them. */
function isTrpcAnswer(body: unknown, failed: boolean): boolean {
  const one = (item: unknown) =>
    isRecord(item) && ('result' in item ? isRecord(item.result) : isTrpcError(item.error));
  if (Array.isArray(body)) return body.length > 0 && body.every(one);
  return one(body) && (!failed || (isRecord(body) && 'error' in body));
}

/** The envelope of every plain HTTP route: `{ error: { code, message } }`. */
export function isEnvelope(body: unknown): boolean {
  return (
    isRecord(body) &&
    isRecord(body.error) &&
    typeof body.error.code === 'string' &&
    typeof body.error.message === 'string'
  );
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const textual = (type: string | undefined) => !type || /json|text|html|xml|event-stream/.test(type);

/** Every expectation on one HTTP answer. */
export function checkAnswer(c: HttpCase, outcome: HttpOutcome, markers: LeakMarkers): Failure[] {
  const input = `${c.method} ${c.path.slice(0, 300)}${c.body ? ` ${excerpt(c.body, 600)}` : ''}`;
  const fail = (check: string, detail: string, status: number | null, output = ''): Failure => ({
    check,
    target: c.target,
    label: c.label,
    status,
    input,
    output,
    detail,
  });
  if (outcome.kind === 'no answer') {
    return c.incomplete ? [] : [fail('answers', outcome.reason, null)];
  }
  const { status, body, headers } = outcome;
  const output = excerpt(body);
  const failures: Failure[] = [];
  if (status >= 500) failures.push(fail('status < 500', `HTTP ${status}`, status, output));
  const sent = `${c.path} ${JSON.stringify(c.headers ?? {})} ${c.body?.toString('utf8') ?? ''}`;
  const leaks = findLeaks(body, textual(headers['content-type']), markers, sent);
  if (leaks.length > 0) failures.push(fail('no leak', leaks.join(', '), status, output));
  if (c.mustFail && status >= 200 && status < 300)
    failures.push(fail('security', c.mustFail, status, output));
  const streamed = String(headers['content-type']).startsWith('text/event-stream');
  const empty = c.method === 'HEAD' || status === 204 || status === 304;
  if (streamed || empty) return failures;
  if (/^\/trpc\/[^/?]*(\?|$)/.test(c.path)) {
    if (status >= 200 && !isTrpcAnswer(parseJson(body), status >= 400)) {
      failures.push(
        fail(
          'error shape',
          'not a tRPC answer (`{ result }` or `{ error: { message, code, data: { code, httpStatus } } }`)',
          status,
          output,
        ),
      );
    }
  } else if (c.path.startsWith('/trpc/')) {
    // Deeper than any procedure path: tRPC's shape or the envelope.
    const parsed = parseJson(body);
    if (status >= 400 && !isEnvelope(parsed) && !isTrpcAnswer(parsed, true)) {
      failures.push(
        fail(
          'error shape',
          'neither a tRPC error nor the `{ error: { code, message } }` envelope',
          status,
          output,
        ),
      );
    }
  } else if (status >= 400 && !isEnvelope(parseJson(body))) {
    failures.push(
      fail(
        'error shape',
        'a 4xx without the `{ error: { code, message } }` envelope',
        status,
        output,
      ),
    );
  }
  return failures;
}

import type { Rng } from './create-rng';
import type { HttpCase } from './fuzz-case';
import { toJsonText } from './hostile-json';
import { hostileString, hostileValue } from './hostile-value';
import { encodedSegment } from './path-text';

/** A running task of a provider that signs its callbacks, with its real callback token. */
export interface CallbackTarget {
  provider: 'kie' | 'fal' | 'replicate';
  taskId: string;
  token: string;
  /** The provider's job id as stored (fal's is a JSON reference). */
  jobId: string;
}

const target = 'POST /webhooks/:provider/:taskId';

/** What a genuine callback of each provider looks like, with its signature headers forged. */
function forgedCallback(
  rng: Rng,
  hook: CallbackTarget,
): { headers: Record<string, string>; body: string } {
  const now = String(Math.floor(Date.now() / 1000));
  const noise = rng.bytes(32);
  switch (hook.provider) {
    case 'kie':
      return {
        headers: { 'x-webhook-timestamp': now, 'x-webhook-signature': noise.toString('base64') },
        body: JSON.stringify({
          code: 200,
          msg: 'success',
          data: { taskId: hook.jobId, state: 'success' },
        }),
      };
    case 'fal': {
      const requestId = (JSON.parse(hook.jobId) as { requestId?: string }).requestId ?? hook.jobId;
      return {
        headers: {
          'x-fal-webhook-request-id': requestId,
          'x-fal-webhook-user-id': 'fuzz',
          'x-fal-webhook-timestamp': now,
          'x-fal-webhook-signature': noise.toString('hex'),
        },
        body: JSON.stringify({
          request_id: requestId,
          status: 'OK',
          payload: { images: [{ url: 'http://127.0.0.1:1/x.png' }] },
        }),
      };
    }
    case 'replicate':
      return {
        headers: {
          'webhook-id': 'msg_fuzz',
          'webhook-timestamp': now,
          'webhook-signature': `v1,${noise.toString('base64')}`,
        },
        body: JSON.stringify({
          id: hook.jobId,
          status: 'succeeded',
          output: ['http://127.0.0.1:1/x.png'],
        }),
      };
  }
}

function hook(
  label: string,
  path: string,
  headers: Record<string, string>,
  body: string | Buffer,
  mustFail?: string,
): HttpCase {
  return {
    kind: 'http',
    label: `webhook: ${label}`,
    target,
    method: 'POST',
    path,
    headers,
    body: Buffer.from(body),
    mustFail,
  };
}

/** Provider callbacks: wrong tokens, forged signatures, odd bodies and types, huge bodies. */
export function webhookCases(rng: Rng, hooks: CallbackTarget[]): HttpCase[] {
  const json = { 'content-type': 'application/json' };
  const cases: HttpCase[] = [];
  for (const h of hooks) {
    const base = `/webhooks/${h.provider}/${h.taskId}`;
    const withToken = `${base}?token=${h.token}`;
    const wrongTokens = [
      '',
      '?token=',
      `?token=${rng.bytes(Math.round(h.token.length * 0.75)).toString('base64url')}`,
      `?token=${h.token}&token=${h.token}`,
      `?token[]=${h.token}`,
      `?token=${h.token.slice(0, -1)}`,
      `?token=${h.token}%00`,
      `?token=${'A'.repeat(10_000)}`,
    ];
    const forged = forgedCallback(rng, h);
    for (const query of wrongTokens) {
      cases.push(
        hook(
          `${h.provider}, token ${query.slice(0, 30) || '(none)'}`,
          `${base}${query}`,
          { ...json, ...forged.headers },
          forged.body,
          'a callback with a wrong token was accepted',
        ),
      );
    }
    cases.push(
      hook(
        `${h.provider}, token for another provider`,
        `/webhooks/${h.provider === 'kie' ? 'fal' : 'kie'}/${h.taskId}?token=${h.token}`,
        json,
        forged.body,
        'a callback for the wrong provider was accepted',
      ),
    );
    cases.push(
      hook(
        `${h.provider}, forged signature`,
        withToken,
        { ...json, ...forged.headers },
        forged.body,
        'a forged callback was accepted',
      ),
    );
    cases.push(
      hook(
        `${h.provider}, no signature`,
        withToken,
        json,
        forged.body,
        'an unsigned callback was accepted',
      ),
    );
    for (let i = 0; i < 4; i++) {
      cases.push(
        hook(
          `${h.provider}, hostile body`,
          withToken,
          { ...json, ...forged.headers },
          toJsonText(hostileValue(rng)) ?? '',
          'a forged callback was accepted',
        ),
      );
    }
    const types: [string, string | null][] = [
      ['text/plain', 'text/plain'],
      ['form', 'application/x-www-form-urlencoded'],
      ['octet-stream', 'application/octet-stream'],
      ['multipart', 'multipart/form-data; boundary=x'],
      ['JSON with charset', 'application/json; charset=latin1'],
      ['no content type', null],
    ];
    const [name, type] = rng.pick(types);
    cases.push(
      hook(
        `${h.provider}, ${name}`,
        withToken,
        { ...forged.headers, ...(type ? { 'content-type': type } : {}) },
        forged.body,
        'a forged callback was accepted',
      ),
    );
    cases.push(
      hook(
        `${h.provider}, malformed JSON`,
        withToken,
        { ...json, ...forged.headers },
        '{"data":',
        'a forged callback was accepted',
      ),
    );
    cases.push(
      hook(
        `${h.provider}, body over 1 MB`,
        withToken,
        { ...json, ...forged.headers },
        `{"x":"${'a'.repeat(1_100_000)}"}`,
        'a forged callback was accepted',
      ),
    );
  }
  const any = hooks[0];
  for (const provider of [
    'nanobanana',
    'local',
    'evil',
    '__proto__',
    'constructor',
    encodedSegment(hostileString(rng)),
  ]) {
    cases.push(
      hook(
        `provider ${provider.slice(0, 20)}`,
        `/webhooks/${provider}/${any?.taskId ?? 'x'}?token=${any?.token ?? 'x'}`,
        json,
        '{}',
        'a callback for the wrong provider was accepted',
      ),
    );
  }
  for (let i = 0; i < 4; i++) {
    cases.push(
      hook(
        'hostile task id',
        `/webhooks/kie/${encodedSegment(hostileString(rng).slice(0, 300)) || 'x'}?token=x`,
        json,
        '{}',
        'a callback for an unknown task was accepted',
      ),
    );
  }
  for (const method of ['GET', 'PUT', 'DELETE']) {
    cases.push({
      ...hook(
        `${method} on a callback URL`,
        `/webhooks/kie/${any?.taskId ?? 'x'}?token=x`,
        json,
        '{}',
      ),
      method,
    });
  }
  cases.push({
    kind: 'http',
    label: 'webhook: GET /webhooks/kie?x',
    target: 'GET /webhooks/:provider',
    method: 'GET',
    path: '/webhooks/kie?x=%00',
  });
  return cases;
}

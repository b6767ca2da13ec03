import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import sharp from 'sharp';
import { falSignedMessage } from '@genhub/core';
import { listen, readJson, sendJson } from './fake-http';

export type FalMode =
  | { kind: 'succeed' }
  | { kind: 'empty' }
  | { kind: 'validation'; msg: string }
  | { kind: 'infra'; errorType: string; detail: string; status: number }
  /** Submissions and cancels answer 422 with a detail echoing the Authorization header. */
  | { kind: 'echo-key' };

interface FalRequest {
  id: string;
  endpoint: string;
  body: Record<string, unknown>;
  webhook?: string;
  polls: number;
  canceled: boolean;
  mode: FalMode;
}

/** A fal.ai queue stand-in (providers.md §4): submit, status, response, cancel, ED25519 webhooks. */
export async function startFakeFal() {
  const png = await sharp({
    create: { width: 1024, height: 1024, channels: 3, background: '#7a3' },
  })
    .png()
    .toBuffer();
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const other = generateKeyPairSync('ed25519');
  const state = {
    key: 'fal-test-key',
    mode: { kind: 'succeed' } as FalMode,
    pollsToFinish: 2,
    requests: new Map<string, FalRequest>(),
    webhookStatuses: [] as number[],
    /** Deliveries of each webhook (2: a replay of the same signed call). */
    deliveries: 1,
    tamper: null as null | 'forged' | 'stale',
  };
  let base = '';
  const deliver = async (r: FalRequest) => {
    if (!r.webhook) return;
    r.polls = state.pollsToFinish;
    const body = JSON.stringify({
      request_id: r.id,
      gateway_request_id: r.id,
      status: 'OK',
      payload: { images: [{ url: `${base}/cdn/${r.id}.png` }] },
    });
    const timestamp = String(Math.floor(Date.now() / 1000) - (state.tamper === 'stale' ? 600 : 0));
    const signer = state.tamper === 'forged' ? other.privateKey : privateKey;
    const signature = sign(
      null,
      falSignedMessage(r.id, 'user-1', timestamp, Buffer.from(body)),
      signer,
    ).toString('hex');
    for (let i = 0; i < state.deliveries; i++) {
      const res = await fetch(r.webhook, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-fal-webhook-request-id': r.id,
          'x-fal-webhook-user-id': 'user-1',
          'x-fal-webhook-timestamp': timestamp,
          'x-fal-webhook-signature': signature,
        },
        body,
      }).catch(() => undefined);
      state.webhookStatuses.push(res?.status ?? 0);
    }
  };
  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname === '/.well-known/jwks.json') {
      return sendJson(res, 200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1' }] });
    }
    if (url.pathname.startsWith('/cdn/'))
      return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    if (req.headers.authorization !== `Key ${state.key}`)
      return sendJson(res, 401, { detail: 'Unauthorized' });
    // Status, result and cancel live under the app id without the subpath (`/edit`).
    const queued = /^\/fal-ai\/nano-banana\/requests\/([^/]+)(\/status|\/cancel)?$/.exec(
      url.pathname,
    );
    if (queued?.[1]) {
      const r = state.requests.get(queued[1]);
      if (!r) return sendJson(res, 404, { detail: 'Request not found' });
      if (queued[2] === '/cancel' && req.method === 'PUT' && state.mode.kind === 'echo-key')
        return sendJson(res, 422, { detail: `Cannot cancel for ${req.headers.authorization}` });
      if (queued[2] === '/cancel' && req.method === 'PUT') {
        r.canceled = true;
        return sendJson(res, 202, { status: 'CANCELLATION_REQUESTED' });
      }
      if (queued[2] === '/status') {
        r.polls++;
        const done = r.polls >= state.pollsToFinish;
        return sendJson(res, 200, {
          status: done ? 'COMPLETED' : r.polls > 1 ? 'IN_PROGRESS' : 'IN_QUEUE',
          queue_position: 0,
          response_url: `${base}/fal-ai/nano-banana/requests/${r.id}`,
        });
      }
      if (r.mode.kind === 'validation') {
        return sendJson(res, 422, {
          detail: [{ loc: ['body', 'prompt'], msg: r.mode.msg, type: 'value_error' }],
        });
      }
      if (r.mode.kind === 'infra') {
        res.setHeader('x-fal-error-type', r.mode.errorType);
        return sendJson(res, r.mode.status, {
          detail: r.mode.detail,
          error_type: r.mode.errorType,
        });
      }
      if (r.mode.kind === 'empty')
        return sendJson(res, 200, { images: [], description: 'I could not draw that.' });
      const count = Number(r.body.num_images ?? 1);
      return sendJson(res, 200, {
        images: Array.from({ length: count }, (_, i) => ({
          url: `${base}/cdn/${r.id}-${i}.png`,
          content_type: 'image/png',
          width: 1024,
          height: 1024,
        })),
        description: '',
      });
    }
    const submit = /^\/(fal-ai\/nano-banana(?:\/edit)?)$/.exec(url.pathname);
    if (req.method === 'POST' && submit?.[1]) {
      const body = await readJson(req);
      if (state.mode.kind === 'echo-key')
        return sendJson(res, 422, {
          detail: [
            { msg: `Invalid request from ${req.headers.authorization}`, type: 'value_error' },
          ],
        });
      const id = randomUUID();
      const webhook = url.searchParams.get('fal_webhook') ?? undefined;
      const r: FalRequest = {
        id,
        endpoint: submit[1],
        body,
        ...(webhook ? { webhook } : {}),
        polls: 0,
        canceled: false,
        mode: state.mode,
      };
      state.requests.set(id, r);
      if (webhook) setTimeout(() => void deliver(r), 40);
      const app = `${base}/fal-ai/nano-banana/requests/${id}`;
      return sendJson(res, 200, {
        request_id: id,
        status: 'IN_QUEUE',
        queue_position: 0,
        response_url: app,
        status_url: `${app}/status`,
        cancel_url: `${app}/cancel`,
      });
    }
    sendJson(res, 404, { detail: 'Not found' });
  });
  base = server.url;
  return { ...server, state, jwksUrl: `${server.url}/.well-known/jwks.json` };
}

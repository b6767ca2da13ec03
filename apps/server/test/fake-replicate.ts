import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { signStandardWebhook } from '@genhub/core';
import { listen, readJson, sendJson } from './fake-http';

export type ReplicateMode =
  | { kind: 'succeed' }
  | { kind: 'fail'; error: string }
  | { kind: 'status'; status: number; detail: string }
  /** Predictions are refused with a detail echoing the Authorization header. */
  | { kind: 'echo-key' };

interface FakePrediction {
  id: string;
  model: string;
  input: Record<string, unknown>;
  webhook?: string;
  polls: number;
  canceled: boolean;
  mode: ReplicateMode;
}

/** A Replicate stand-in (providers.md §5): predictions, polling, cancel, Standard Webhooks. */
export async function startFakeReplicate(secret: string) {
  const png = await sharp({
    create: { width: 1024, height: 1024, channels: 3, background: '#37a' },
  })
    .png()
    .toBuffer();
  const state = {
    apiToken: 'r8_test',
    mode: { kind: 'succeed' } as ReplicateMode,
    /** Deliveries of the completion webhook per prediction; 2 replays the same webhook-id. */
    deliveries: 1,
    pollsToFinish: 2,
    predictions: new Map<string, FakePrediction>(),
    webhookStatuses: [] as number[],
    /** Sign with the wrong secret, or with a timestamp ten minutes old. */
    tamper: null as null | 'forged' | 'stale',
  };
  let base = '';
  const view = (p: FakePrediction) => {
    const done = p.canceled || p.polls >= state.pollsToFinish;
    const failed = p.mode.kind === 'fail';
    return {
      id: p.id,
      model: p.model,
      version: 'hidden',
      status: p.canceled
        ? 'canceled'
        : done
          ? failed
            ? 'failed'
            : 'succeeded'
          : p.polls === 0
            ? 'starting'
            : 'processing',
      input: p.input,
      output: done && !failed && !p.canceled ? `${base}/delivery/${p.id}/out.png` : null,
      error: done && p.mode.kind === 'fail' ? p.mode.error : null,
      urls: {
        get: `${base}/v1/predictions/${p.id}`,
        cancel: `${base}/v1/predictions/${p.id}/cancel`,
      },
    };
  };
  const deliver = async (p: FakePrediction) => {
    if (!p.webhook) return;
    p.polls = state.pollsToFinish;
    const body = JSON.stringify(view(p));
    const id = `msg_${randomBytes(8).toString('hex')}`;
    for (let i = 0; i < state.deliveries; i++) {
      const timestamp = Math.floor(Date.now() / 1000) - (state.tamper === 'stale' ? 600 : 0);
      const signature = signStandardWebhook(
        state.tamper === 'forged' ? `whsec_${Buffer.from('wrong').toString('base64')}` : secret,
        id,
        timestamp,
        body,
      );
      const res = await fetch(p.webhook, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signature,
        },
        body,
      }).catch(() => undefined);
      state.webhookStatuses.push(res?.status ?? 0);
    }
  };
  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname.startsWith('/delivery/'))
      return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    if (req.headers.authorization !== `Bearer ${state.apiToken}`) {
      return sendJson(res, 401, {
        title: 'Unauthenticated',
        detail: 'You did not pass a valid authentication token',
        status: 401,
      });
    }
    const create = /^\/v1\/models\/([^/]+\/[^/]+)\/predictions$/.exec(url.pathname);
    if (req.method === 'POST' && create?.[1]) {
      const body = await readJson(req);
      if (state.mode.kind === 'echo-key')
        return sendJson(res, 422, {
          title: 'Invalid input',
          detail: `Invalid input from ${req.headers.authorization}`,
          status: 422,
        });
      if (state.mode.kind === 'status')
        return sendJson(res, state.mode.status, {
          title: 'Error',
          detail: state.mode.detail,
          status: state.mode.status,
        });
      const p: FakePrediction = {
        id: randomBytes(10).toString('hex'),
        model: create[1],
        input: body.input as Record<string, unknown>,
        ...(typeof body.webhook === 'string' ? { webhook: body.webhook } : {}),
        polls: 0,
        canceled: false,
        mode: state.mode,
      };
      state.predictions.set(p.id, p);
      if (p.webhook) setTimeout(() => void deliver(p), 40);
      return sendJson(res, 201, view(p));
    }
    const get = /^\/v1\/predictions\/([^/]+)(\/cancel)?$/.exec(url.pathname);
    const p = get?.[1] ? state.predictions.get(get[1]) : undefined;
    if (!p) return sendJson(res, 404, { title: 'Not found', detail: 'Not found', status: 404 });
    if (get?.[2] && req.method === 'POST') {
      p.canceled = true;
      return sendJson(res, 200, view(p));
    }
    p.polls++;
    sendJson(res, 200, view(p));
  });
  base = server.url;
  return { ...server, state };
}

import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sharp from 'sharp';
import { listen, sendJson } from './fake-http';
import { replicateModelInputs, replicateValidationDetail } from './fake-replicate-inputs';
import { readBody, readJsonObject } from './read-body';

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

interface FakeFile {
  id: string;
  name: string;
  contentType: string;
  bytes: Buffer;
  metadata: unknown;
}

const problem = (res: ServerResponse, status: number, title: string, detail: string) =>
  sendJson(res, status, { title, detail, status });

/** Parses a multipart body the way a server would (undici's parser behind `Response`). */
async function readForm(req: IncomingMessage): Promise<FormData | undefined> {
  try {
    return await new Response(new Uint8Array(await readBody(req)), {
      headers: { 'content-type': req.headers['content-type'] ?? '' },
    }).formData();
  } catch {
    return undefined;
  }
}

/**
 * A Replicate stand-in as strict as the API: the google/nano-banana models with their
 * documented inputs (422 "Input validation failed" otherwise), 404 for any other model, data
 * URIs refused over a bound, `POST /v1/files`, polling, cancel and Standard Webhooks.
 */
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
    /** Webhook bodies name this prediction instead of their own (signed all the same). */
    webhookPredictionId: null as string | null,
    files: new Map<string, FakeFile>(),
  };
  let base = '';
  const models = replicateModelInputs((url) =>
    url.startsWith(`${base}/v1/files/`)
      ? state.files.has(url.slice(`${base}/v1/files/`.length))
      : true,
  );

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
      logs: '',
      metrics: done ? { predict_time: 5.2 } : {},
      created_at: new Date().toISOString(),
      urls: {
        get: `${base}/v1/predictions/${p.id}`,
        cancel: `${base}/v1/predictions/${p.id}/cancel`,
      },
      data_removed: false,
    };
  };

  /** Signs the way Standard Webhooks documents it, independently of genhub's verifier. */
  const signature = (id: string, timestamp: number, body: string) => {
    const key =
      state.tamper === 'forged'
        ? Buffer.from('wrong')
        : Buffer.from(secret.slice('whsec_'.length), 'base64');
    return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
  };

  const deliver = async (p: FakePrediction) => {
    if (!p.webhook) return;
    p.polls = state.pollsToFinish;
    const body = JSON.stringify({ ...view(p), id: state.webhookPredictionId ?? p.id });
    const id = `msg_${randomBytes(8).toString('hex')}`;
    for (let i = 0; i < state.deliveries; i++) {
      const timestamp = Math.floor(Date.now() / 1000) - (state.tamper === 'stale' ? 600 : 0);
      const res = await fetch(p.webhook, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signature(id, timestamp, body),
        },
        body,
      }).catch(() => undefined);
      state.webhookStatuses.push(res?.status ?? 0);
    }
  };

  const createFile = async (req: IncomingMessage, res: ServerResponse) => {
    const form = await readForm(req);
    const content = form?.get('content');
    if (!(content instanceof File) || !content.name || !content.type)
      return problem(res, 400, 'Bad request', 'content must be a file with a name and a type');
    const metadataPart = form?.get('metadata');
    let metadata: unknown = {};
    try {
      if (metadataPart instanceof Blob) metadata = JSON.parse(await metadataPart.text());
    } catch {
      return problem(res, 400, 'Bad request', 'metadata must be JSON');
    }
    const bytes = Buffer.from(await content.arrayBuffer());
    const id = randomBytes(12).toString('hex');
    state.files.set(id, { id, name: content.name, contentType: content.type, bytes, metadata });
    return sendJson(res, 201, {
      id,
      name: content.name,
      content_type: content.type,
      size: bytes.length,
      etag: createHash('md5').update(bytes).digest('hex'),
      checksums: { sha256: createHash('sha256').update(bytes).digest('hex') },
      metadata,
      created_at: new Date().toISOString(),
      expires_at: new Date(Date.now() + 86_400_000).toISOString(),
      urls: { get: `${base}/v1/files/${id}` },
    });
  };

  const createPrediction = async (req: IncomingMessage, res: ServerResponse, model: string) => {
    const schema = models.get(model);
    if (!schema)
      return problem(res, 404, 'Not found', 'The requested resource could not be found.');
    const body = await readJsonObject(req);
    if (!body) return problem(res, 400, 'Bad request', 'The request body is not a JSON object');
    if (state.mode.kind === 'echo-key')
      return problem(res, 422, 'Invalid input', `Invalid input from ${req.headers.authorization}`);
    if (state.mode.kind === 'status')
      return problem(res, state.mode.status, 'Error', state.mode.detail);
    const input =
      typeof body.input === 'object' && body.input !== null && !Array.isArray(body.input)
        ? Object.fromEntries(Object.entries(body.input))
        : {};
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const detail = replicateValidationDetail(parsed.error.issues, input);
      return problem(res, 422, 'Input validation failed', detail);
    }
    const events = body.webhook_events_filter ?? ['output', 'completed'];
    const allowed = ['start', 'output', 'logs', 'completed'];
    if (!Array.isArray(events) || events.some((e) => !allowed.includes(String(e))))
      return problem(res, 422, 'Invalid webhook_events_filter', 'Unknown webhook event');
    const p: FakePrediction = {
      id: randomBytes(10).toString('hex'),
      model,
      input,
      ...(typeof body.webhook === 'string' ? { webhook: body.webhook } : {}),
      polls: 0,
      canceled: false,
      mode: state.mode,
    };
    state.predictions.set(p.id, p);
    if (p.webhook) setTimeout(() => void deliver(p), 40);
    return sendJson(res, 201, view(p));
  };

  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname.startsWith('/delivery/'))
      return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    if (req.headers.authorization !== `Bearer ${state.apiToken}`) {
      return problem(res, 401, 'Unauthenticated', 'You did not pass a valid authentication token');
    }
    if (req.method === 'POST' && url.pathname === '/v1/files') return createFile(req, res);
    const file = /^\/v1\/files\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && file?.[1]) {
      const found = state.files.get(file[1]);
      if (!found)
        return problem(res, 404, 'Not found', 'The requested resource could not be found.');
      return res.writeHead(200, { 'content-type': found.contentType }).end(found.bytes);
    }
    const create = /^\/v1\/models\/([^/]+\/[^/]+)\/predictions$/.exec(url.pathname);
    if (req.method === 'POST' && create?.[1]) return createPrediction(req, res, create[1]);
    const get = /^\/v1\/predictions\/([^/]+)(\/cancel)?$/.exec(url.pathname);
    const p = get?.[1] ? state.predictions.get(get[1]) : undefined;
    if (!p) return problem(res, 404, 'Not found', 'The requested resource could not be found.');
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

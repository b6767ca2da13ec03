import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import sharp from 'sharp';
import { falEndpoints, falValidationDetail } from './fake-fal-inputs';
import { listen, sendJson } from './fake-http';
import { readBody, readJsonObject } from './read-body';

export type FalMode =
  | { kind: 'succeed' }
  /** The model answers 200 without images. */
  | { kind: 'empty' }
  /** The model's own 422 at the response URL. */
  | { kind: 'validation'; msg: string }
  | { kind: 'infra'; errorType: string; detail: string; status: number }
  /** Submissions and cancels answer 422 with a detail echoing the Authorization header. */
  | { kind: 'echo-key' };

interface FalRequest {
  id: string;
  /** The path it was submitted to (`fal-ai/nano-banana-2/edit`). */
  endpoint: string;
  /** Its status, result and cancel live here: the endpoint without its subpath. */
  app: string;
  body: Record<string, unknown>;
  webhook?: string;
  polls: number;
  canceled: boolean;
  mode: FalMode;
}

interface FalUpload {
  contentType: string;
  fileName: string;
  bytes?: Buffer;
}

/**
 * A fal.ai stand-in as strict as the real queue: the nano-banana endpoints with their
 * documented inputs (422 in FastAPI's shape otherwise), 404 for any other model, status 202
 * until COMPLETED, result 400 before that, CDN uploads, and ED25519-signed webhooks.
 */
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
    /** Deliveries of each webhook; every one after the first is a retry with its own gateway id. */
    deliveries: 1,
    tamper: null as null | 'forged' | 'stale',
    /** Webhook bodies name this request instead of their own (signed all the same). */
    webhookRequestId: null as string | null,
    /** Request ids of every cancel call, answered or not. */
    cancelRequests: [] as string[],
    /** CDN files by URL; `bytes` arrive with the PUT. */
    uploads: new Map<string, FalUpload>(),
    /** Upload URLs handed out and not used yet, to their file URL. */
    pendingUploads: new Map<string, string>(),
  };
  let base = '';
  const endpoints = falEndpoints((url) =>
    url.startsWith(`${base}/files/`) ? Boolean(state.uploads.get(url)?.bytes) : true,
  );

  /** Signs the way fal documents it, independently of genhub's verifier. */
  const signedHeaders = (headerId: string, body: string) => {
    const timestamp = String(Math.floor(Date.now() / 1000) - (state.tamper === 'stale' ? 600 : 0));
    const digest = createHash('sha256').update(body).digest('hex');
    const message = Buffer.from(`${headerId}\nuser-1\n${timestamp}\n${digest}`, 'utf8');
    const signer = state.tamper === 'forged' ? other.privateKey : privateKey;
    return {
      'content-type': 'application/json',
      'x-fal-webhook-request-id': headerId,
      'x-fal-webhook-user-id': 'user-1',
      'x-fal-webhook-timestamp': timestamp,
      'x-fal-webhook-signature': sign(null, message, signer).toString('hex'),
    };
  };

  const deliver = async (r: FalRequest) => {
    if (!r.webhook) return;
    r.polls = state.pollsToFinish;
    for (let i = 0; i < state.deliveries; i++) {
      // A retry runs under a new gateway id; the queue's request_id stays.
      const gatewayId = i === 0 ? r.id : randomUUID();
      const body = JSON.stringify({
        request_id: state.webhookRequestId ?? r.id,
        gateway_request_id: gatewayId,
        status: 'OK',
        payload: { images: [{ url: `${base}/cdn/${r.id}.png` }] },
      });
      const res = await fetch(r.webhook, {
        method: 'POST',
        headers: signedHeaders(i === 0 ? r.id : gatewayId, body),
        body,
      }).catch(() => undefined);
      state.webhookStatuses.push(res?.status ?? 0);
    }
  };

  const result = (res: ServerResponse, r: FalRequest) => {
    if (r.mode.kind === 'validation') {
      return sendJson(res, 422, {
        detail: [{ loc: ['body', 'prompt'], msg: r.mode.msg, type: 'value_error' }],
      });
    }
    if (r.mode.kind === 'infra') {
      return sendJson(
        res,
        r.mode.status,
        { detail: r.mode.detail, error_type: r.mode.errorType },
        { 'x-fal-error-type': r.mode.errorType },
      );
    }
    if (r.mode.kind === 'empty')
      return sendJson(res, 200, { images: [], description: 'I could not draw that.' });
    const count = typeof r.body.num_images === 'number' ? r.body.num_images : 1;
    return sendJson(res, 200, {
      images: Array.from({ length: count }, (_, i) => ({
        url: `${base}/cdn/${r.id}-${i}.png`,
        content_type: 'image/png',
        file_name: 'output.png',
        width: 1024,
        height: 1024,
      })),
      description: '',
    });
  };

  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;
    if (path === '/.well-known/jwks.json') {
      return sendJson(res, 200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1' }] });
    }
    if (path.startsWith('/cdn/'))
      return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    // Signed upload URLs and CDN files need no key.
    if (req.method === 'PUT' && path.startsWith('/upload/')) {
      const fileUrl = state.pendingUploads.get(path);
      const upload = fileUrl ? state.uploads.get(fileUrl) : undefined;
      if (!fileUrl || !upload) return sendJson(res, 403, { detail: 'Invalid upload URL' });
      if (req.headers['content-type'] !== upload.contentType)
        return sendJson(res, 400, { detail: 'Content-Type differs from the initiated upload' });
      state.pendingUploads.delete(path);
      upload.bytes = await readBody(req);
      return res.writeHead(200).end();
    }
    if (req.method === 'GET' && path.startsWith('/files/')) {
      const upload = state.uploads.get(`${base}${path}`);
      if (!upload?.bytes) return sendJson(res, 404, { detail: 'Not found' });
      return res.writeHead(200, { 'content-type': upload.contentType }).end(upload.bytes);
    }
    if (req.headers.authorization !== `Key ${state.key}`)
      return sendJson(res, 401, { detail: 'Unauthorized' });

    if (req.method === 'POST' && path === '/storage/upload/initiate') {
      const body = await readJsonObject(req);
      if (url.searchParams.get('storage_type') !== 'fal-cdn-v3' || !body)
        return sendJson(res, 400, { detail: 'Bad request' });
      const missing = ['content_type', 'file_name'].filter((k) => typeof body[k] !== 'string');
      if (missing.length > 0) {
        return sendJson(res, 422, {
          detail: missing.map((k) => ({
            loc: ['body', k],
            msg: 'field required',
            type: 'value_error.missing',
          })),
        });
      }
      const id = randomUUID();
      const fileUrl = `${base}/files/${id}/${encodeURIComponent(String(body.file_name))}`;
      state.uploads.set(fileUrl, {
        contentType: String(body.content_type),
        fileName: String(body.file_name),
      });
      state.pendingUploads.set(`/upload/${id}`, fileUrl);
      return sendJson(res, 200, { upload_url: `${base}/upload/${id}`, file_url: fileUrl });
    }

    const queued = /^\/(fal-ai\/[^/]+)\/requests\/([^/]+)(\/status|\/cancel)?$/.exec(path);
    if (queued?.[1] && queued[2]) {
      const r = state.requests.get(queued[2]);
      if (!r || r.app !== queued[1]) return sendJson(res, 404, { detail: 'Request not found' });
      const done = r.polls >= state.pollsToFinish;
      if (queued[3] === '/cancel' && req.method === 'PUT') {
        state.cancelRequests.push(r.id);
        if (state.mode.kind === 'echo-key')
          return sendJson(res, 422, { detail: `Cannot cancel for ${req.headers.authorization}` });
        if (done) return sendJson(res, 400, { status: 'ALREADY_COMPLETED' });
        r.canceled = true;
        return sendJson(res, 202, { status: 'CANCELLATION_REQUESTED' });
      }
      if (queued[3] === '/status' && req.method === 'GET') {
        r.polls++;
        const completed = r.polls >= state.pollsToFinish;
        return sendJson(res, completed ? 200 : 202, {
          status: completed ? 'COMPLETED' : r.polls > 1 ? 'IN_PROGRESS' : 'IN_QUEUE',
          ...(completed ? { logs: [], metrics: { inference_time: 1.2 } } : { queue_position: 0 }),
          response_url: `${base}/${r.app}/requests/${r.id}`,
        });
      }
      if (queued[3] === undefined && req.method === 'GET') {
        if (!done) return sendJson(res, 400, { detail: 'Request is still in progress' });
        return result(res, r);
      }
      return sendJson(res, 405, { detail: 'Method Not Allowed' });
    }

    const schema = req.method === 'POST' ? endpoints.get(path.slice(1)) : undefined;
    if (!schema) return sendJson(res, 404, { detail: `Application '${path.slice(1)}' not found` });
    const body = await readJsonObject(req);
    if (state.mode.kind === 'echo-key')
      return sendJson(res, 422, {
        detail: [{ msg: `Invalid request from ${req.headers.authorization}`, type: 'value_error' }],
      });
    if (!body)
      return sendJson(res, 422, {
        detail: [{ loc: ['body'], msg: 'JSON decode error', type: 'value_error.jsondecode' }],
      });
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      return sendJson(res, 422, { detail: falValidationDetail(parsed.error.issues, body) });
    const id = randomUUID();
    const webhook = url.searchParams.get('fal_webhook') ?? undefined;
    const app = path.slice(1).split('/').slice(0, 2).join('/');
    const r: FalRequest = {
      id,
      endpoint: path.slice(1),
      app,
      body,
      ...(webhook ? { webhook } : {}),
      polls: 0,
      canceled: false,
      mode: state.mode,
    };
    state.requests.set(id, r);
    if (webhook) setTimeout(() => void deliver(r), 40);
    const at = `${base}/${app}/requests/${id}`;
    return sendJson(res, 200, {
      request_id: id,
      ...(webhook ? { gateway_request_id: id } : {}),
      status: 'IN_QUEUE',
      queue_position: 0,
      response_url: at,
      status_url: `${at}/status`,
      cancel_url: `${at}/cancel`,
    });
  });
  base = server.url;
  return { ...server, state, jwksUrl: `${server.url}/.well-known/jwks.json` };
}

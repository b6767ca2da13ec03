import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { listen, readJson, sendJson } from './fake-http';

/** A nanobanana-style REST API stand-in (seed 003): one error envelope, tasks polled by id. */
export async function startFakeNanobanana() {
  const png = await sharp({ create: { width: 768, height: 512, channels: 3, background: '#fc0' } })
    .png()
    .toBuffer();
  const state = {
    apiKey: 'nb-test-key',
    /** An error envelope code to answer submissions with, or a failed task. */
    error: null as null | { code: string; status: number },
    failTask: false,
    requests: [] as { path: string; body: Record<string, unknown> }[],
    tasks: new Map<string, { polls: number; failed: boolean }>(),
  };
  const envelope = (code: string, message: string) => ({
    success: false,
    error: { code, message, details: 'see the API reference' },
    request_id: `req_${randomBytes(4).toString('hex')}`,
  });
  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname.startsWith('/cdn/'))
      return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    if (req.headers.authorization !== `Bearer ${state.apiKey}`)
      return sendJson(res, 401, envelope('INVALID_API_KEY', 'Invalid API key'));
    if (req.method === 'POST' && ['/v1/text-to-image', '/v1/image-edit'].includes(url.pathname)) {
      const body = await readJson(req);
      state.requests.push({ path: url.pathname, body });
      if (state.error)
        return sendJson(res, state.error.status, envelope(state.error.code, 'Refused'));
      const id = `task_${randomBytes(6).toString('hex')}`;
      state.tasks.set(id, { polls: 0, failed: state.failTask });
      return sendJson(res, 200, {
        success: true,
        task_id: id,
        processing_time: 0.1,
        credits_used: 8,
      });
    }
    const task = /^\/v1\/task\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && task?.[1]) {
      const t = state.tasks.get(task[1]);
      if (!t) return sendJson(res, 404, envelope('INVALID_REQUEST', 'No such task'));
      t.polls++;
      const status = t.polls < 2 ? 'processing' : t.failed ? 'failed' : 'completed';
      return sendJson(res, 200, {
        task_id: task[1],
        status,
        progress: status === 'processing' ? 50 : 100,
        result:
          status === 'completed'
            ? { image_url: `http://${req.headers.host}/cdn/${task[1]}.png`, description: 'done' }
            : null,
        error: status === 'failed' ? 'The model could not process the image' : null,
      });
    }
    if (req.method === 'GET' && url.pathname === '/v1/account') {
      return sendJson(res, 200, {
        user_id: 'user_1',
        credits: { balance: 850, used_this_month: 150 },
        subscription: { plan: 'pro' },
      });
    }
    sendJson(res, 404, envelope('INVALID_REQUEST', 'Not found'));
  });
  return { ...server, url: `${server.url}/v1`, state };
}

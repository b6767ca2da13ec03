import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { listen, readJson, sendJson } from './fake-http';

/** Seed 003's credit table, by endpoint. */
const creditsByPath: Record<string, number> = {
  '/v1/text-to-image': 8,
  '/v1/image-edit': 5,
  '/v1/remove-background': 3,
  '/v1/style-transfer': 6,
  '/v1/enhance': 4,
  '/v1/batch-edit': 5,
};

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
    /** Submissions and the account query answer 400 echoing the Authorization header. */
    echoKey: false,
    requests: [] as { path: string; body: Record<string, unknown> }[],
    tasks: new Map<string, { polls: number; failed: boolean; mask: boolean }>(),
  };
  const envelope = (code: string, message: string) => ({
    success: false,
    error: { code, message, details: 'see the API reference' },
    request_id: `req_${randomBytes(4).toString('hex')}`,
  });
  const echo = (authorization: string | undefined) =>
    envelope('INVALID_REQUEST', `The request with ${authorization} is invalid`);
  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname.startsWith('/cdn/'))
      return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    if (req.headers.authorization !== `Bearer ${state.apiKey}`)
      return sendJson(res, 401, envelope('INVALID_API_KEY', 'Invalid API key'));
    const credits = creditsByPath[url.pathname];
    if (req.method === 'POST' && credits !== undefined) {
      const body = await readJson(req);
      state.requests.push({ path: url.pathname, body });
      if (state.error)
        return sendJson(res, state.error.status, envelope(state.error.code, 'Refused'));
      if (state.echoKey) return sendJson(res, 400, echo(req.headers.authorization));
      const newTask = () => {
        const id = `task_${randomBytes(6).toString('hex')}`;
        state.tasks.set(id, { polls: 0, failed: state.failTask, mask: body.return_mask === true });
        return id;
      };
      if (url.pathname === '/v1/batch-edit') {
        const urls = Array.isArray(body.image_urls) ? body.image_urls : [];
        if (urls.length === 0 || urls.length > 20)
          return sendJson(res, 400, envelope('INVALID_REQUEST', 'image_urls takes 1 to 20 URLs'));
        return sendJson(res, 200, {
          success: true,
          batch_id: `batch_${randomBytes(4).toString('hex')}`,
          tasks: urls.map(() => ({ task_id: newTask(), status: 'processing' })),
          total_credits: credits * urls.length,
        });
      }
      return sendJson(res, 200, {
        success: true,
        task_id: newTask(),
        processing_time: 0.1,
        credits_used: credits,
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
            ? {
                image_url: `http://${req.headers.host}/cdn/${task[1]}.png`,
                // Not in the seed's task example; its remove-background reply has one.
                ...(t.mask
                  ? { mask_url: `http://${req.headers.host}/cdn/${task[1]}-mask.png` }
                  : {}),
                description: 'done',
              }
            : null,
        error: status === 'failed' ? 'The model could not process the image' : null,
      });
    }
    if (req.method === 'GET' && url.pathname === '/v1/account' && state.echoKey)
      return sendJson(res, 400, echo(req.headers.authorization));
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

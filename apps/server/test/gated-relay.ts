import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, sendJson } from './fake-http';
import { readBody } from './read-body';

export interface GatedRelay {
  url: string;
  /** While true, new submissions are refused with a 503 before the provider sees them. */
  closed: boolean;
  /** Submissions passed on whose answer has not come back from the provider yet. */
  readonly submitting: number;
  /** Submissions refused while closed. */
  readonly refused: number;
  close(): Promise<void>;
}

/**
 * A stand-in for a provider's API host, in front of a fake: every call goes on to the fake and
 * its answer comes back with the fake's URLs turned into the relay's (genhub calls only URLs
 * on the base it was given). Closing the gate makes sure no job is accepted meanwhile.
 */
export async function startGatedRelay(
  target: string,
  isSubmission: (req: IncomingMessage) => boolean,
): Promise<GatedRelay> {
  const state = { closed: false, submitting: 0, refused: 0 };
  let self = '';

  const forward = async (req: IncomingMessage, res: ServerResponse) => {
    const body = req.method === 'GET' ? undefined : await readBody(req);
    const headers = Object.fromEntries(
      ['authorization', 'content-type'].flatMap((name) =>
        typeof req.headers[name] === 'string' ? [[name, req.headers[name]]] : [],
      ),
    );
    const reply = await fetch(target + (req.url ?? '/'), {
      method: req.method,
      headers,
      body,
    }).catch(() => undefined);
    if (!reply) return res.writeHead(502).end();
    const type = reply.headers.get('content-type') ?? '';
    const bytes = Buffer.from(await reply.arrayBuffer());
    res
      .writeHead(reply.status, { 'content-type': type })
      .end(type.includes('json') ? bytes.toString('utf8').replaceAll(target, self) : bytes);
  };

  const http = await listen(async (req, res) => {
    if (!isSubmission(req)) return forward(req, res);
    if (state.closed) {
      state.refused++;
      return sendJson(res, 503, {
        title: 'Service Unavailable',
        detail: 'Try again later',
        status: 503,
      });
    }
    state.submitting++;
    try {
      await forward(req, res);
    } finally {
      state.submitting--;
    }
  });
  self = http.url;
  return {
    url: http.url,
    get closed() {
      return state.closed;
    },
    set closed(value: boolean) {
      state.closed = value;
    },
    get submitting() {
      return state.submitting;
    },
    get refused() {
      return state.refused;
    },
    close: () => http.close(),
  };
}

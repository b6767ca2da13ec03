import { request, type IncomingHttpHeaders } from 'node:http';
import type { HttpCase } from './fuzz-case';

export type HttpOutcome =
  | { kind: 'answer'; status: number; headers: IncomingHttpHeaders; body: Buffer }
  | { kind: 'no answer'; reason: string };

/** What is read of a body at most; the rest is left unread. */
const maxBodyBytes = 8 * 1024 * 1024;
/** How long an event stream is read. */
const streamReadMs = 300;
/** How long an incomplete body waits for an answer before hanging up. */
const incompleteWaitMs = 500;

/** Sends one case over a raw HTTP/1.1 request: any method, header, body or framing. */
export function sendHttp(
  base: { host: string; port: number },
  c: HttpCase,
  timeoutMs: number,
): Promise<HttpOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: HttpOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(outcome);
    };
    const headers: Record<string, string> = { ...c.headers };
    if (c.body && headers['content-length'] === undefined)
      headers['content-length'] = String(c.body.length);
    const req = request({
      host: base.host,
      port: base.port,
      method: c.method,
      path: c.path,
      headers,
      setHost: !c.noHost && headers.host === undefined,
      // A connection each: a socket the server dropped after one answer never fails the next.
      agent: false,
    });
    const timer = setTimeout(
      () =>
        settle({
          kind: 'no answer',
          reason: c.incomplete ? 'waits for the rest of the body' : `no answer in ${timeoutMs} ms`,
        }),
      c.incomplete ? incompleteWaitMs : timeoutMs,
    );
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () =>
        settle({
          kind: 'answer',
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
        });
      if (c.stream || String(res.headers['content-type']).startsWith('text/event-stream')) {
        setTimeout(done, streamReadMs);
      }
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size > maxBodyBytes) done();
      });
      res.on('end', done);
      res.on('error', done);
    });
    req.on('error', (error) => settle({ kind: 'no answer', reason: error.message }));
    if (c.body) req.write(c.body);
    req.end();
  });
}

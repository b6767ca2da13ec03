import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect } from 'node:net';

/** What the proxy does with one HTTP request. */
export type Fault =
  /** Pass it on and back. */
  | 'none'
  /** Pass it on, then throw the server's answer away and answer 503 (the work was done). */
  | 'lose-answer'
  /** Answer 503 without passing it on. */
  | 'unavailable'
  /** Cut the connection without an answer. */
  | 'hang-up';

export interface FlakyProxy {
  url: string;
  /** Every request that reached the proxy, as `METHOD /path?query`. */
  requests: string[];
  close(): Promise<void>;
}

function forward(target: URL, req: IncomingMessage): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      resolve,
    );
    upstream.once('error', reject);
    req.pipe(upstream);
  });
}

function unavailable(res: ServerResponse): void {
  res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>503 Service Unavailable</h1>');
}

/**
 * A reverse proxy on 127.0.0.1 in front of `target` that injects a fault per request
 * (`faultFor`); WebSocket upgrades pass through untouched.
 */
export async function startFlakyProxy(
  target: string,
  faultFor: (req: IncomingMessage) => Fault,
): Promise<FlakyProxy> {
  const upstream = new URL(target);
  const requests: string[] = [];
  const tunnels = new Set<{ destroy(): void }>();
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const fault = faultFor(req);
    if (fault === 'hang-up') return void req.socket.destroy();
    if (fault === 'unavailable') return unavailable(res);
    forward(upstream, req).then(
      (answer) => {
        if (fault === 'lose-answer') {
          answer.resume();
          return answer.once('end', () => unavailable(res));
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
      () => res.writeHead(502).end(),
    );
  });
  server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    const upstreamSocket = connect(Number(upstream.port), upstream.hostname, () => {
      const headers = Object.entries(req.headers).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value ?? '']).map((v) => `${name}: ${v}`),
      );
      upstreamSocket.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
      upstreamSocket.write(head);
      upstreamSocket.pipe(socket).pipe(upstreamSocket);
    });
    tunnels.add(socket).add(upstreamSocket);
    upstreamSocket.once('error', () => socket.destroy());
    socket.once('error', () => upstreamSocket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const tunnel of tunnels) tunnel.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

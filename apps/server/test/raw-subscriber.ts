import { connect, type NetConnectOpts, type Socket } from 'node:net';
import WebSocket from 'ws';
import { keyFor } from './test-keys';

/** One reply of the tRPC WebSocket protocol, reduced to what the tests look at. */
export interface Reply {
  id: number | null;
  type: 'started' | 'data' | 'stopped' | 'error';
  /** A data reply's event id (the log's seq). */
  seq?: number;
  /** An error's tRPC code, such as TOO_MANY_REQUESTS. */
  code?: string;
  message?: string;
}

interface Message {
  id?: number | null;
  result?: { type?: string; id?: string };
  error?: { message?: string; data?: { code?: string } };
}

export interface RawSubscriber {
  socket: WebSocket;
  /** The TCP socket under it: `pause()` it to make a client that stops reading. */
  tcp: Socket;
  /** The TCP socket's own port (it forgets it once destroyed). */
  localPort: number;
  replies: Reply[];
  closed: Promise<{ code: number; reason: string }>;
  subscribe(id: number, path: string, input: unknown): void;
}

/**
 * A WebSocket client speaking tRPC's protocol by hand, so a test can stop reading (pause the
 * TCP socket) while it keeps sending, which no real client library does. It presents the
 * server's test key as `connectionParams`, the way tRPC's wsLink does.
 */
export async function openRawSubscriber(url: string): Promise<RawSubscriber> {
  let tcp: Socket | undefined;
  // ws dials through this, which hands the test the TCP socket it makes.
  const createConnection = ((options: NetConnectOpts) =>
    (tcp = connect(options))) as typeof connect;
  const key = keyFor(url);
  const endpoint = url.replace(/^http/, 'ws') + (key ? '/trpc?connectionParams=1' : '/trpc');
  const socket = new WebSocket(endpoint, { createConnection });
  const replies: Reply[] = [];
  socket.on('message', (data: Buffer) => {
    const text = data.toString();
    if (text === 'PING') return socket.send('PONG');
    const message = JSON.parse(text) as Message;
    const id = message.id ?? null;
    if (message.error) {
      replies.push({
        id,
        type: 'error',
        code: message.error.data?.code,
        message: message.error.message,
      });
    } else if (message.result?.type === 'data') {
      replies.push({ id, type: 'data', seq: Number(message.result.id) });
    } else if (message.result?.type === 'started' || message.result?.type === 'stopped') {
      replies.push({ id, type: message.result.type });
    }
  });
  socket.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    void closed.then(({ code, reason }) => reject(new Error(`closed ${code} ${reason}`)));
  });
  if (!tcp) throw new Error('no TCP socket');
  if (key) socket.send(JSON.stringify({ method: 'connectionParams', data: { token: key } }));
  return {
    socket,
    tcp,
    localPort: tcp.localPort ?? 0,
    replies,
    closed,
    subscribe(id, path, input) {
      socket.send(JSON.stringify({ id, method: 'subscription', params: { path, input } }));
    },
  };
}

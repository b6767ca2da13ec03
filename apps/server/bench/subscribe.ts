import WebSocket from 'ws';
import { keyFor } from '../test/test-keys';

export interface BenchSubscriber {
  socket: WebSocket;
  /** Replaces what is done with each message (as raw bytes) from now on. */
  onEvent(fn: (raw: Buffer) => void): void;
}

const ping = Buffer.from('PING');
const startedType = Buffer.from('"type":"started"');

/**
 * One `task.events` subscriber, as light as a client can be, so that the 1,000 of them on this
 * machine take as little of its CPU from the servers as possible: messages are searched as
 * bytes, never decoded to strings (the server's UTF-8 is not re-validated either). It presents
 * the server's key in its connection params, as tRPC's wsLink does, and resolves once the
 * subscription has started.
 */
export async function subscribe(url: string): Promise<BenchSubscriber> {
  const key = keyFor(url);
  if (!key) throw new Error(`no API key for ${url}`);
  const socket = new WebSocket(url.replace('http', 'ws') + '/trpc?connectionParams=1', {
    skipUTF8Validation: true,
  });
  let handler: (raw: Buffer) => void = () => undefined;
  socket.on('message', (data: Buffer) => {
    if (data.equals(ping)) socket.send('PONG');
    else handler(data);
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ method: 'connectionParams', data: { token: key } }));
  const started = new Promise<void>((resolve) => {
    handler = (raw) => {
      if (raw.includes(startedType)) resolve();
    };
  });
  socket.send(
    JSON.stringify({
      id: 1,
      method: 'subscription',
      params: { path: 'task.events', input: { lastEventId: null } },
    }),
  );
  await started;
  return { socket, onEvent: (fn) => (handler = fn) };
}

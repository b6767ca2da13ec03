import { createRequire } from 'node:module';
import { tracked } from '@trpc/server';
import { jsonEncoder } from '@trpc/server/adapters/ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { ReplayGate } from '@genhub/core';
import { until } from '@genhub/core/testing';
import { SubscriberConnection } from './subscriber-connection';
import { textFrame } from './text-frame';

const servers: WebSocketServer[] = [];
const silentLog = { info: () => undefined } as unknown as ConstructorParameters<
  typeof SubscriberConnection
>[4]; // only `info` is called, on a disconnect

/** A server-side connection and a client that records every text message it receives. */
async function connectionPair() {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  servers.push(wss);
  await new Promise((resolve) => wss.once('listening', resolve));
  const { port } = wss.address() as { port: number };
  const accepted = new Promise<{ socket: WebSocket; connection: SubscriberConnection }>((resolve) =>
    wss.once('connection', (socket, req) => {
      const limits = {
        maxSubscriptions: 4,
        maxBufferedBytes: 64 * 1024 * 1024,
        stallTimeoutMs: 60_000,
      };
      const replays = new ReplayGate({ running: 1, waiting: 1, busy: () => new Error('busy') });
      resolve({
        socket,
        connection: new SubscriberConnection(socket, req.socket, limits, replays, silentLog),
      });
    }),
  );
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  const received: string[] = [];
  client.on('message', (data: Buffer) => received.push(data.toString('utf8')));
  await new Promise((resolve) => client.once('open', resolve));
  return { ...(await accepted), received };
}

/** A subscription slot holding a stream that never yields, pulled once as tRPC does. */
function pulledSlot(connection: SubscriberConnection) {
  const slot = connection.reserveSubscription();
  const pending = new Promise<never>(() => undefined);
  const held = slot.hold({ [Symbol.asyncIterator]: () => ({ next: () => pending }) }, undefined);
  void held[Symbol.asyncIterator]().next();
  return slot;
}

/** What tRPC's adapter does when a subscription starts: pull, then send `started`, in one step. */
function startSubscription(
  socket: WebSocket,
  connection: SubscriberConnection,
  id: string | number,
  jsonrpc?: '2.0',
) {
  const slot = pulledSlot(connection);
  socket.send(jsonEncoder.encode({ id, jsonrpc, result: { type: 'started' } }) as string);
  return slot.live;
}

describe('LiveDelivery', () => {
  afterEach(() => {
    for (const wss of servers.splice(0)) {
      for (const client of wss.clients) client.terminate();
      wss.close();
    }
  });

  it.each([
    [1, undefined],
    ['sub "ü" 中', '2.0' as const],
  ])(
    'writes a live event, once its subscription (id %o) has started, exactly as tRPC would send it',
    async (id, jsonrpc) => {
      const { socket, connection, received } = await connectionPair();
      const live = startSubscription(socket, connection, id, jsonrpc);
      const event = { seq: 42, type: 'created', task: { id: 't1', prompt: 'quote " and 中文' } };
      expect(live.deliver(tracked('42', event))).toBe(true);
      await until(() => received.length === 2);
      expect(received[1]).toBe(
        jsonEncoder.encode({
          id,
          jsonrpc,
          result: { type: 'data', id: '42', data: { id: '42', data: event } },
        }),
      );
    },
  );

  it('leaves a value to tRPC before the subscription has started, and while the socket is busy', async () => {
    const { socket, connection } = await connectionPair();
    const slot = connection.reserveSubscription();
    expect(slot.live.deliver(tracked('1', { seq: 1 }))).toBe(false);
    const live = startSubscription(socket, connection, 7);
    // More than a turn's worth sent in this turn: the socket waits for the next turn.
    socket.send('x'.repeat(128 * 1024));
    expect(live.deliver(tracked('2', { seq: 2 }))).toBe(false);
  });

  it('does not take a started message sent after the step of its first pull', async () => {
    const { socket, connection } = await connectionPair();
    const slot = pulledSlot(connection);
    await Promise.resolve();
    socket.send(jsonEncoder.encode({ id: 3, result: { type: 'started' } }) as string);
    expect(slot.live.deliver(tracked('1', { seq: 1 }))).toBe(false);
  });
});

describe('textFrame', () => {
  // ws's own framing, to compare with: it has no typings for Sender.
  const { Sender } = createRequire(import.meta.url)('ws') as {
    Sender: { frame(data: Buffer, options: object): Buffer[] };
  };

  it.each([0, 125, 126, 65_535, 65_536, 200_000])(
    'frames %i bytes as ws frames an unmasked text message',
    (length) => {
      const payload = Buffer.alloc(length, 'a');
      const expected = Buffer.concat(
        Sender.frame(payload, { fin: true, opcode: 1, mask: false, readOnly: true, rsv1: false }),
      );
      expect(textFrame(payload).equals(expected)).toBe(true);
    },
  );
});

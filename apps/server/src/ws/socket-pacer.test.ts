import { connect, type NetConnectOpts, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { until } from '@genhub/core/testing';
import { lowWaterBytes, SocketPacer, type PacerLimits } from './socket-pacer';

const servers: WebSocketServer[] = [];

/** A loopback WebSocket pair: the server's end paced with `limits`, and the client's TCP socket. */
async function pacedPair(limits: PacerLimits) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  servers.push(wss);
  await new Promise((resolve) => wss.once('listening', resolve));
  const { port } = wss.address() as { port: number };
  const violations: string[] = [];
  const accepted = new Promise<{ socket: WebSocket; pacer: SocketPacer }>((resolve) =>
    wss.once('connection', (socket, req) => {
      const pacer = new SocketPacer(socket, req.socket, limits, (reason) => {
        violations.push(reason);
        socket.terminate();
      });
      resolve({ socket, pacer });
    }),
  );
  let tcp: Socket | undefined;
  const createConnection = ((options: NetConnectOpts) =>
    (tcp = connect(options))) as typeof connect;
  const client = new WebSocket(`ws://127.0.0.1:${port}`, { createConnection });
  client.on('error', () => undefined);
  let received = 0;
  client.on('message', (data: Buffer) => (received += data.length));
  await new Promise((resolve) => client.once('open', resolve));
  return { ...(await accepted), client, tcp: tcp!, violations, received: () => received };
}

const roomy: PacerLimits = { maxBufferedBytes: 64 * 1024 * 1024, stallTimeoutMs: 60_000 };
const chunk = 'x'.repeat(16 * 1024);

describe('SocketPacer', () => {
  afterEach(() => {
    for (const wss of servers.splice(0)) {
      for (const client of wss.clients) client.terminate();
      wss.close();
    }
  });

  it("holds senders back for the next turn after a turn's worth, even to a fast reader", async () => {
    const { socket, pacer, received } = await pacedPair(roomy);
    expect(pacer.whenReady()).toBeNull();
    for (let sent = 0; sent < lowWaterBytes; sent += chunk.length) socket.send(chunk);
    const wait = pacer.whenReady();
    expect(wait).toBeInstanceOf(Promise);
    await wait;
    expect(pacer.whenReady()).toBeNull();
    await until(() => received() === lowWaterBytes, 5000, 'everything to arrive');
  });

  it('sends bytes from the encoder as text frames', async () => {
    const { socket, client } = await pacedPair(roomy);
    const got = new Promise<{ text: string; binary: boolean }>((resolve) =>
      client.once('message', (data: Buffer, binary: boolean) =>
        resolve({ text: data.toString(), binary }),
      ),
    );
    socket.send(Buffer.from('{"id":1,"result":{"type":"data","data":"中"}}'));
    expect(await got).toEqual({
      text: '{"id":1,"result":{"type":"data","data":"中"}}',
      binary: false,
    });
  });

  it('disconnects a client that stops reading once its backlog passes the bound', async () => {
    const limits = { maxBufferedBytes: 512 * 1024, stallTimeoutMs: 60_000 };
    const { socket, tcp, violations } = await pacedPair(limits);
    tcp.pause();
    // More than the kernel's buffers and the bound together, with no waiting for room.
    for (let i = 0; i < 2000 && violations.length === 0; i++) socket.send(chunk);
    expect(violations).toEqual([
      'too far behind: more than 524288 bytes unread; reconnect with lastEventId to resume',
    ]);
  });

  it('disconnects a client whose backlog does not drain in the stall timeout', async () => {
    const { socket, tcp, pacer, violations } = await pacedPair({
      maxBufferedBytes: 64 * 1024 * 1024,
      stallTimeoutMs: 300,
    });
    tcp.pause();
    // Fill the kernel's buffers, then wait for room like a subscription would.
    await until(
      () => {
        if (pacer.whenReady() !== null) return socket.bufferedAmount > lowWaterBytes;
        for (let i = 0; i < 8; i++) socket.send(chunk);
        return false;
      },
      10_000,
      'a backlog',
    );
    await pacer.whenReady();
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/^not reading: \d+ bytes unread for 300 ms; reconnect/);
  });
});

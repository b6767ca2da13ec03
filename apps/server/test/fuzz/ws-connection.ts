import type { IncomingHttpHeaders } from 'node:http';
import WebSocket from 'ws';

/** A server message as received: parsed JSON, or the text when it is not JSON (`PONG`). */
export interface WsMessage {
  text: string;
  json: unknown;
}

export type WsOpen =
  | { kind: 'open'; connection: WsConnection }
  | { kind: 'refused'; status: number; headers: IncomingHttpHeaders; body: Buffer }
  | { kind: 'error'; reason: string };

/** One socket that hands every message to whoever listens now, and says when it closed. */
export class WsConnection {
  private listeners = new Set<(message: WsMessage) => void>();
  /** The close code, once closed. */
  closeCode: number | null = null;
  readonly closed: Promise<number>;

  constructor(readonly socket: WebSocket) {
    this.closed = new Promise((resolve) =>
      socket.once('close', (code) => {
        this.closeCode = code;
        resolve(code);
      }),
    );
    socket.on('error', () => undefined);
    socket.on('message', (data: WebSocket.RawData) => {
      const text = Buffer.isBuffer(data)
        ? data.toString('utf8')
        : Buffer.concat(data as Buffer[]).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(text) as unknown;
      } catch {
        json = undefined;
      }
      for (const listen of this.listeners) listen({ text, json });
    });
  }

  listen(listener: (message: WsMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  send(frame: string | Buffer): void {
    if (this.closeCode === null) this.socket.send(frame, () => undefined);
  }

  async close(): Promise<void> {
    if (this.closeCode === null) {
      this.socket.close();
      await Promise.race([this.closed, new Promise((r) => setTimeout(r, 1000))]);
      this.socket.terminate();
    }
  }
}

/** Opens a WebSocket, or says how the upgrade was refused. */
export function openWs(url: string, headers: Record<string, string> = {}): Promise<WsOpen> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers, handshakeTimeout: 5000 });
    const connection = new WsConnection(socket);
    socket.once('open', () => resolve({ kind: 'open', connection }));
    socket.once('unexpected-response', (req, res) => {
      const chunks: Buffer[] = [];
      const done = () => {
        req.destroy();
        resolve({
          kind: 'refused',
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
        });
      };
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', done);
      res.on('error', done);
    });
    socket.once('error', (error) => resolve({ kind: 'error', reason: error.message }));
  });
}

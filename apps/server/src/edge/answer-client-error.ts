import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Refusal } from './refusal';
import { refusalBody } from './send-refusal';

const headersTooLarge: Refusal = {
  status: 431,
  code: 'HEADERS_TOO_LARGE',
  trpcCode: 'BAD_REQUEST',
  message: 'The URL and headers may be at most 16 KB together: send large inputs in a POST body',
};
const timedOut: Refusal = {
  status: 408,
  code: 'REQUEST_TIMEOUT',
  trpcCode: 'TIMEOUT',
  message: 'The request took too long to arrive',
};
const notHttp: Refusal = {
  status: 400,
  code: 'BAD_REQUEST',
  trpcCode: 'BAD_REQUEST',
  message: 'The request is not valid HTTP',
};

/** The request target of what the parser received, when it got that far. */
function targetOf(rawPacket: unknown): string {
  if (!Buffer.isBuffer(rawPacket)) return '';
  const line = rawPacket.subarray(0, 64).toString('latin1');
  return /^[A-Z]+ (\S+)/.exec(line)?.[1] ?? '';
}

/**
 * A request the HTTP parser cannot read (headers past 16 KB, an unknown method, a broken
 * request line) never reaches a route: it is answered on the socket, in the shape of the
 * path it named, before the socket closes.
 */
export function answerClientError(
  error: Error & { code?: string; rawPacket?: unknown },
  socket: Duplex,
) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) return socket.destroy();
  const refusal =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? headersTooLarge
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? timedOut
        : notHttp;
  const body = JSON.stringify(refusalBody(targetOf(error.rawPacket).startsWith('/trpc/'), refusal));
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

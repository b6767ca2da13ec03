import type { FastifyRequest } from 'fastify';

const forwardingHeaders = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/** 127.0.0.0/8 and ::1, also written as IPv4-mapped IPv6 (`::ffff:127.0.0.1`). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  if (address === '::1') return true;
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  return /^127(\.\d{1,3}){3}$/.test(v4);
}

/**
 * Whether the connection comes from this machine and the request names no other client:
 * a reverse proxy on the same machine connects from loopback too, but says whom it forwards.
 */
export function isDirectLoopback(req: Pick<FastifyRequest, 'headers' | 'socket'>): boolean {
  return (
    isLoopbackAddress(req.socket.remoteAddress) &&
    forwardingHeaders.every((name) => req.headers[name] === undefined)
  );
}

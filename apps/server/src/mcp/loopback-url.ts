import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

const wildcards: Record<string, string> = { '0.0.0.0': '127.0.0.1', '::': '::1' };

/**
 * Where this server can reach itself: the address it listens on (a wildcard's loopback
 * instead), IPv4 first. Only valid once it listens.
 */
export function loopbackUrl(fastify: FastifyInstance): string {
  const addresses = fastify
    .addresses()
    .filter((a): a is AddressInfo => typeof a === 'object' && a !== null);
  const chosen = addresses.find((a) => a.family === 'IPv4') ?? addresses[0];
  if (!chosen) throw new Error('The server is not listening yet');
  const host = wildcards[chosen.address] ?? chosen.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${chosen.port}`;
}

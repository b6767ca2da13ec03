import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { bearerMatches } from './bearer-matches';
import { isLoopbackAddress } from './is-direct-loopback';
import { metricsRefusal } from './metrics-refusal';

const requestFrom = (
  remoteAddress: string | undefined,
  headers: Record<string, string> = {},
): Pick<FastifyRequest, 'headers' | 'socket'> =>
  ({ headers, socket: { remoteAddress } }) as unknown as Pick<FastifyRequest, 'headers' | 'socket'>;

describe('isLoopbackAddress', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '::FFFF:127.0.0.9'])(
    '%s is this machine',
    (address) => expect(isLoopbackAddress(address)).toBe(true),
  );
  it.each([undefined, '', '10.0.0.5', '::ffff:10.0.0.5', '128.0.0.1', '1127.0.0.1', 'fe80::1'])(
    '%s is not',
    (address) => expect(isLoopbackAddress(address)).toBe(false),
  );
});

describe('bearerMatches', () => {
  const token = 'a-token-of-sixteen+';
  it('takes the token as a Bearer token, the scheme in any case', () => {
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
  });
  it.each([undefined, '', token, `Basic ${token}`, `Bearer ${token}x`, `Bearer ${token.slice(1)}`])(
    'refuses %s',
    (header) => expect(bearerMatches(header, token)).toBe(false),
  );
});

describe('metricsRefusal', () => {
  it('without a token, serves only requests made straight from this machine', () => {
    expect(metricsRefusal(requestFrom('127.0.0.1'), undefined)).toBeNull();
    expect(metricsRefusal(requestFrom('::1'), undefined)).toBeNull();
    expect(metricsRefusal(requestFrom('10.0.0.5'), undefined)?.status).toBe(403);
    expect(metricsRefusal(requestFrom(undefined), undefined)?.status).toBe(403);
    const proxied = requestFrom('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' });
    expect(metricsRefusal(proxied, undefined)?.status).toBe(403);
  });

  it('with a token, serves whoever presents it, wherever from, and no one else', () => {
    const token = 'metrics-token-0123456789';
    const bearer = { authorization: `Bearer ${token}` };
    expect(metricsRefusal(requestFrom('10.0.0.5', bearer), token)).toBeNull();
    expect(metricsRefusal(requestFrom('127.0.0.1'), token)?.status).toBe(401);
    expect(metricsRefusal(requestFrom('10.0.0.5'), token)?.status).toBe(401);
  });
});

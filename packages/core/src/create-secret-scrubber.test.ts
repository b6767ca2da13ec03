import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretScrubber, redacted } from './create-secret-scrubber';

describe('createSecretScrubber', () => {
  const key = 'sk-or-v1-abc/def+ghi=:key';
  const whsec = `whsec_${Buffer.from('webhook signing key!').toString('base64')}`;
  const signing = randomBytes(32);
  const scrub = createSecretScrubber([key, whsec, signing, undefined, null, '']);

  it.each([
    ['as is', `invalid key ${key}`],
    ['in a header', `Authorization: Bearer ${key}`],
    ['URL-encoded', `GET /v1?key=${encodeURIComponent(key)}`],
    ['URL-encoded in lower case', `key=${encodeURIComponent(key).toLowerCase()}`],
    ['JSON-escaped', JSON.stringify({ body: JSON.stringify({ key }) })],
    ['base64', `Basic ${Buffer.from(key).toString('base64')}`],
    ['a webhook secret', `secret ${whsec}`],
    ['a webhook secret without its prefix', `secret ${whsec.slice('whsec_'.length)}`],
    ['binary key material in hex', `hmac ${signing.toString('hex')}`],
    ['binary key material in base64url', `hmac ${signing.toString('base64url')}`],
  ])('removes a secret %s', (_how, text) => {
    const scrubbed = scrub(text);
    expect(scrubbed).toContain(redacted);
    for (const part of [key, 'abc/def+ghi', whsec.slice(6), signing.toString('hex')])
      expect(scrubbed).not.toContain(part);
  });

  it('leaves other text alone and does nothing without secrets', () => {
    expect(scrub('The model is overloaded (HTTP 503)')).toBe('The model is overloaded (HTTP 503)');
    expect(createSecretScrubber([undefined])('Bearer x')).toBe('Bearer x');
  });

  it('ignores values too short to be secrets, which would garble every line', () => {
    expect(createSecretScrubber(['abc'])('abc abc')).toBe('abc abc');
  });
});

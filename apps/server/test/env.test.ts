import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '../src/env';

describe('loadEnv', () => {
  it('has working defaults', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      LOCAL_PROVIDER_DELAY_MS: 1500,
      OPENROUTER_APP_NAME: 'genhub',
    });
    expect(env.PUBLIC_BASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PUBLIC_BASE_URL', 'not a url'],
    ['LOCAL_PROVIDER_DELAY_MS', '-5'],
    ['LOG_LEVEL', 'loud'],
    // fetch refuses a header value outside Latin-1; say so at start-up, not on every request.
    ['OPENROUTER_APP_NAME', '我的工作室'],
    // A whole host is never allowed, only one port of it (a fake provider in tests).
    ['INGEST_ALLOW_HOSTS', '127.0.0.1'],
    ['INGEST_ALLOW_HOSTS', '127.0.0.1:4010, localhost'],
    ['ALLOWED_ORIGINS', 'https://studio.example/app'],
    ['ALLOWED_ORIGINS', 'https://ok.example, *'],
    ['ALLOWED_ORIGINS', 'ftp://files.example'],
    ['ALLOWED_HOSTS', 'genhub.lan:8080'],
    ['ALLOWED_HOSTS', 'https://genhub.lan'],
  ])('stops on a bad %s naming it', (name, value) => {
    expect(() => loadEnv({ [name]: value })).toThrow(EnvError);
    expect(() => loadEnv({ [name]: value })).toThrow(new RegExp(`^\\s*${name}:`, 'm'));
  });
});

describe('INGEST_ALLOW_HOSTS', () => {
  it('refuses DATABASE_URL rather than silently keeping the data in SQLite', () => {
    const url = 'postgres://genhub:secret@db.internal:5432/genhub';
    expect(() => loadEnv({ DATABASE_URL: url })).toThrow(
      /DATABASE_URL: this version cannot keep its data in PostgreSQL yet; unset DATABASE_URL/,
    );
    expect(() => loadEnv({ DATABASE_URL: url })).not.toThrow(/secret/);
    expect(loadEnv({ DATABASE_URL: '' }).DATA_DIR).toBe('./data');
  });

  it('takes host:port pairs, with default ports written out', () => {
    expect(loadEnv({ INGEST_ALLOW_HOSTS: '127.0.0.1:4010, [::1]:80,Fake.Test:443' })).toMatchObject(
      { INGEST_ALLOW_HOSTS: ['127.0.0.1:4010', '[::1]:80', 'fake.test:443'] },
    );
  });
});

describe('ALLOWED_ORIGINS and ALLOWED_HOSTS', () => {
  it('normalize origins and lower-case host names', () => {
    expect(
      loadEnv({
        ALLOWED_ORIGINS: 'HTTPS://Studio.Example:443/, http://localhost:5174',
        ALLOWED_HOSTS: 'GenHub.LAN, ::1, 192.168.1.20',
      }),
    ).toMatchObject({
      ALLOWED_ORIGINS: ['https://studio.example', 'http://localhost:5174'],
      ALLOWED_HOSTS: ['genhub.lan', '[::1]', '192.168.1.20'],
    });
    expect(loadEnv({})).toMatchObject({ ALLOWED_ORIGINS: [], ALLOWED_HOSTS: [] });
  });
});

describe('TRUST_PROXY', () => {
  const trust = (value: string) => loadEnv({ TRUST_PROXY: value }).TRUST_PROXY;

  it('trusts no proxy by default, any with true, addresses and ranges as listed', () => {
    expect(loadEnv({}).TRUST_PROXY).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('true')).toBe(true);
    expect(trust('127.0.0.1, 10.0.0.0/8,fd00::/8')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      'fd00::/8',
    ]);
  });

  it('trusts a number of hops, nearest first', () => {
    const hops = trust('1');
    if (typeof hops !== 'function') throw new Error('expected a function');
    expect([hops('10.0.0.1', 0), hops('10.0.0.2', 1)]).toEqual([true, false]);
  });

  it('refuses what is not an address, a range or a number, naming it', () => {
    expect(() => trust('proxy.lan')).toThrow(/TRUST_PROXY.*"proxy.lan" is not/);
    expect(() => trust('10.0.0.0/33')).toThrow(/"10.0.0.0\/33" is not/);
  });
});

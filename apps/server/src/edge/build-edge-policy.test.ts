import { describe, expect, it } from 'vitest';
import { loadEnv } from '../env';
import { buildEdgePolicy } from './build-edge-policy';

const hostsFor = (vars: Record<string, string>) => [...buildEdgePolicy(loadEnv(vars)).hosts];

describe('buildEdgePolicy', () => {
  it('answers to loopback names, the bound address and the public host', () => {
    expect(
      hostsFor({ HOST: '192.168.1.5', PUBLIC_BASE_URL: 'https://Hub.Example:8443/genhub' }),
    ).toEqual(['localhost', '127.0.0.1', '[::1]', '192.168.1.5', 'hub.example']);
    expect(buildEdgePolicy(loadEnv({ PUBLIC_BASE_URL: 'https://hub.example/x' })).origins).toEqual(
      new Set(['https://hub.example']),
    );
  });

  it('does not answer to every name when bound to every address', () => {
    expect(hostsFor({ HOST: '0.0.0.0' })).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(hostsFor({ HOST: '::' })).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(hostsFor({ HOST: 'fd00::5', ALLOWED_HOSTS: 'genhub.lan' })).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
      'genhub.lan',
      '[fd00::5]',
    ]);
  });
});

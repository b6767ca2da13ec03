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
  ])('stops on a bad %s naming it', (name, value) => {
    expect(() => loadEnv({ [name]: value })).toThrow(EnvError);
    expect(() => loadEnv({ [name]: value })).toThrow(new RegExp(`^\\s*${name}:`, 'm'));
  });
});

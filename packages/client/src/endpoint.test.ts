import { describe, expect, it } from 'vitest';
import { baseUrl, endpoint } from './endpoint';

describe('endpoint', () => {
  it('resolves server paths under the base, a proxy prefix included', () => {
    expect(endpoint(baseUrl('http://127.0.0.1:3000'), 'trpc').href).toBe(
      'http://127.0.0.1:3000/trpc',
    );
    const prefixed = baseUrl('https://example.test/genhub');
    expect(endpoint(prefixed, 'api/assets').href).toBe('https://example.test/genhub/api/assets');
    expect(endpoint(prefixed, '/files/a.png').href).toBe('https://example.test/genhub/files/a.png');
  });

  it('keeps an absolute URL as it is', () => {
    expect(endpoint(baseUrl('http://127.0.0.1:3000'), 'https://cdn.test/x.png').href).toBe(
      'https://cdn.test/x.png',
    );
  });
});

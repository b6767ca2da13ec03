import { describe, expect, it } from 'vitest';
import { absoluteUrl } from './summarize-task';

describe('absoluteUrl', () => {
  it('puts a server path under the public URL, keeping its path prefix', () => {
    expect(absoluteUrl('http://127.0.0.1:3000', '/files/a.png')).toBe(
      'http://127.0.0.1:3000/files/a.png',
    );
    expect(absoluteUrl('https://example.com/genhub/', '/files/a.png')).toBe(
      'https://example.com/genhub/files/a.png',
    );
    expect(absoluteUrl('https://example.com/genhub', 'files/a.png?x=1')).toBe(
      'https://example.com/genhub/files/a.png?x=1',
    );
  });

  it('leaves an absolute URL as it is', () => {
    expect(absoluteUrl('https://example.com', 'https://cdn.example/a.png')).toBe(
      'https://cdn.example/a.png',
    );
  });
});

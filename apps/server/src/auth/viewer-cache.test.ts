import { describe, expect, it } from 'vitest';
import type { ViewerSource } from './resolve-viewer';
import type { Viewer } from './viewer';
import { ViewerCache } from './viewer-cache';

const ada: Viewer = {
  user: { id: 'u1', email: 'ada@example.com', name: 'Ada', role: 'member' },
  via: 'key',
  scopes: ['read'],
  expiresAt: 10_000,
};

function cacheOver(answers: (Viewer | null)[]) {
  const clock = { now: 0 };
  let checks = 0;
  const cache = new ViewerCache(
    () => Promise.resolve(answers[Math.min(checks++, answers.length - 1)] ?? null),
    () => clock.now,
  );
  return { cache, clock, checks: () => checks };
}

const byKey = (key: string): ViewerSource => ({ headers: { authorization: `Bearer ${key}` } });

describe('ViewerCache', () => {
  it('checks a credential once for 2 s, then again', async () => {
    const { cache, clock, checks } = cacheOver([ada]);
    expect(await cache.of(byKey('a'))).toBe(ada);
    clock.now = 1999;
    expect(await cache.of(byKey('a'))).toBe(ada);
    expect(checks()).toBe(1);
    clock.now = 2000;
    await cache.of(byKey('a'));
    expect(checks()).toBe(2);
  });

  it('tells credentials apart, and never keeps an answer past the credential’s expiry', async () => {
    const { cache, clock, checks } = cacheOver([{ ...ada, expiresAt: 500 }]);
    await cache.of(byKey('a'));
    await cache.of(byKey('b'));
    expect(checks()).toBe(2);
    clock.now = 500;
    await cache.of(byKey('a'));
    expect(checks()).toBe(3);
  });

  it('looks again at once at a credential that failed, and after forget', async () => {
    const { cache, checks } = cacheOver([null, ada, ada]);
    expect(await cache.of(byKey('a'))).toBeNull();
    expect(await cache.of(byKey('a'))).toBe(ada);
    cache.forget();
    await cache.of(byKey('a'));
    expect(checks()).toBe(3);
  });

  it('answers no one without asking when nothing is presented', async () => {
    const { cache, checks } = cacheOver([ada]);
    expect(await cache.of({ headers: {} })).toBeNull();
    expect(checks()).toBe(0);
  });
});

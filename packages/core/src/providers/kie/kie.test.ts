import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { retryableClasses } from '../../engine/retry-policy';
import { aspectRatios, extremeAspectRatios, type Task } from '../../schemas';
import { until } from '../../testing/until';
import { RateLimiter } from '../rate-limiter';
import { ProviderError } from '../types';
import { kieError } from './kie-errors';
import { kieMarketModels } from './kie-models';
import { readKieCallback, verifyKieSignature } from './kie-webhook';

describe('KIE.ai error codes', () => {
  it.each([
    [400, 'content policy violation', 'content_blocked'],
    [401, 'You do not have access permissions', 'unauthorized'],
    [402, 'Credits insufficient', 'insufficient_credits'],
    [404, 'x', 'invalid_request'],
    [408, 'x', 'timeout'],
    [422, 'The model name you specified is not supported', 'invalid_request'],
    [422, 'Invalid prompt: prompt contains prohibited content', 'content_blocked'],
    [429, 'x', 'rate_limited'],
    [433, 'Sub-key usage exceeds its limit', 'insufficient_credits'],
    [455, 'x', 'provider_unavailable'],
    [500, 'prompt is required', 'invalid_request'],
    [500, 'Internal server error', 'provider_unavailable'],
    [501, 'Generation failed', 'no_image'],
    [505, 'x', 'invalid_request'],
  ] as const)('%i (%s) is %s', (code, message, errorClass) => {
    expect(kieError(code, message).code).toBe(errorClass);
  });

  it.each([401, 402, 422, 433, 505])('%i is final: the engine does not try it again', (code) => {
    expect(retryableClasses.has(kieError(code, 'x').code)).toBe(false);
  });

  it('does not retry a missing field, though KIE calls it a 500', () => {
    expect(retryableClasses.has(kieError(500, 'image_urls is required').code)).toBe(false);
    expect(retryableClasses.has(kieError(500, 'Internal server error').code)).toBe(true);
  });

  it('carries what the failure was billed', () => {
    const error = kieError(501, 'Generation failed', undefined, { amount: 2, unit: 'credits' });
    expect(error.charge).toEqual({ amount: 2, unit: 'credits' });
  });
});

describe('KIE.ai callbacks', () => {
  const key = 'hmac-key';
  const now = 1_786_428_635_000;
  const sign = (taskId: string, ts: string, k = key) =>
    createHmac('sha256', k).update(`${taskId}.${ts}`).digest('base64');
  const ts = String(now / 1000);

  it('accepts the documented signature within ±300 s', () => {
    expect(verifyKieSignature(key, 'abc', ts, sign('abc', ts), now)).toBe(true);
    expect(verifyKieSignature(key, 'abc', ts, sign('abc', ts), now + 299_000)).toBe(true);
  });

  it.each([
    ['another task', () => verifyKieSignature(key, 'xyz', ts, sign('abc', ts), now)],
    ['another key', () => verifyKieSignature(key, 'abc', ts, sign('abc', ts, 'other'), now)],
    ['an old timestamp', () => verifyKieSignature(key, 'abc', ts, sign('abc', ts), now + 301_000)],
    ['no signature', () => verifyKieSignature(key, 'abc', ts, undefined, now)],
    ['garbage', () => verifyKieSignature(key, 'abc', 'soon', 'AAAA', now)],
  ])('refuses %s', (_what, check) => {
    expect(check()).toBe(false);
  });

  const body = (value: unknown) => Buffer.from(JSON.stringify(value));

  it('reads taskId or task_id, and creditsConsumed', () => {
    // The documented success callback, abridged.
    const documented = {
      code: 200,
      msg: 'Playground task completed successfully.',
      data: {
        taskId: 'b31f0a77d507765367dc8f5868ba3ceb',
        model: 'google/nano-banana',
        state: 'success',
        resultJson: '{"resultUrls":["https://tempfile.aiquickdraw.com/as/x.png"]}',
        creditsConsumed: 3,
        costTime: 11,
      },
    };
    expect(readKieCallback(body(documented))).toEqual({
      taskId: 'b31f0a77d507765367dc8f5868ba3ceb',
      creditsConsumed: 3,
    });
    expect(readKieCallback(body({ data: { task_id: 'b' } }))).toEqual({
      taskId: 'b',
      creditsConsumed: undefined,
    });
  });

  it.each([
    ['not JSON', Buffer.from('<html>')],
    ['no data', body({ code: 200 })],
    ['a numeric task id', body({ data: { taskId: 42 } })],
  ])('refuses a body with %s', (_what, raw) => {
    expect(readKieCallback(raw)?.taskId).toBeUndefined();
  });

  it.each([
    ['as text', '3'],
    ['negative', -1],
  ])('reads the task of a callback with credits %s, without the credits', (_what, credits) => {
    expect(readKieCallback(body({ data: { taskId: 'a', creditsConsumed: credits } }))).toEqual({
      taskId: 'a',
      creditsConsumed: undefined,
    });
  });
});

describe('RateLimiter', () => {
  /** A clock moved only by the limiter's waits. */
  function manualClock() {
    const clock = {
      t: 0,
      waits: [] as number[],
      now: () => clock.t,
      wait: async (ms: number) => {
        clock.waits.push(ms);
        const until = clock.t + ms;
        await new Promise((resolve) => setImmediate(resolve));
        clock.t = Math.max(clock.t, until);
      },
    };
    return clock;
  }

  it('lets at most N through in any window', async () => {
    const clock = manualClock();
    const limiter = new RateLimiter(20, clock.now, 10_000, clock.wait);
    const granted: number[] = [];
    await Promise.all(
      Array.from({ length: 25 }, () => limiter.acquire().then(() => granted.push(clock.t))),
    );
    expect(granted.filter((t) => t === 0)).toHaveLength(20);
    expect(granted.slice(20)).toEqual([10_000, 10_000, 10_000, 10_000, 10_000]);
  });

  it('counts a run from its end, and waits a whole window while every slot is running', async () => {
    const clock = manualClock();
    const limiter = new RateLimiter(1, clock.now, 10_000, clock.wait);
    let finish = () => {};
    const first = limiter.run(() => new Promise<void>((resolve) => (finish = resolve)));
    const second = limiter.run(() => Promise.resolve(clock.t));
    await until(() => clock.waits.length >= 2, 5000, 'the second call to wait');
    expect(clock.waits.every((ms) => ms === 10_000)).toBe(true);
    const endedAt = clock.t;
    finish();
    await first;
    // Free again a window after the first call ended, not after it began (at 0).
    expect(await second).toBe(endedAt + 10_000);
  });

  it('stops waiting when its signal aborts', async () => {
    const limiter = new RateLimiter(1, () => 0);
    await limiter.acquire();
    const abort = new AbortController();
    const waiting = limiter.acquire(abort.signal);
    abort.abort();
    await expect(waiting).rejects.toThrow();
  });
});

describe('KIE.ai models', () => {
  const task = (overrides: Partial<Task>): Task =>
    ({
      prompt: 'p',
      aspectRatio: '1:1',
      count: 1,
      outputFormat: 'png',
      resolution: null,
      seed: 7,
      safety: null,
      ...overrides,
    }) as Task; // only the fields the input builders read
  const model = (id: string) => {
    const found = kieMarketModels.find((m) => m.capabilities.id === id);
    if (!found) throw new Error(`no ${id}`);
    return found;
  };
  const v4 = model('bytedance/seedream-v4-text-to-image');
  const v45 = model('seedream/4.5-edit');

  it('has the vendor ids, exactly', () => {
    expect(kieMarketModels.map((m) => m.capabilities.id)).toEqual([
      'google/nano-banana',
      'google/nano-banana-edit',
      'nano-banana-pro',
      'nano-banana-2',
      'bytedance/seedream-v4-text-to-image',
      'bytedance/seedream-v4-edit',
      'seedream/4.5-text-to-image',
      'seedream/4.5-edit',
    ]);
  });

  /** One exact body for each shape Seedream 4.0 has, varying the other fields. */
  const v4Bodies = [
    [
      { aspectRatio: '1:1' },
      { prompt: 'p', image_size: 'square_hd', image_resolution: '1K', max_images: 1, seed: 7 },
    ],
    [
      { aspectRatio: '4:3', resolution: '2K' },
      { prompt: 'p', image_size: 'landscape_4_3', image_resolution: '2K', max_images: 1, seed: 7 },
    ],
    [
      { aspectRatio: '3:4', count: 6 },
      { prompt: 'p', image_size: 'portrait_4_3', image_resolution: '1K', max_images: 6, seed: 7 },
    ],
    [
      { aspectRatio: '3:2', resolution: '4K', seed: 0 },
      { prompt: 'p', image_size: 'landscape_3_2', image_resolution: '4K', max_images: 1, seed: 0 },
    ],
    [
      { aspectRatio: '2:3', seed: 1 },
      { prompt: 'p', image_size: 'portrait_3_2', image_resolution: '1K', max_images: 1, seed: 1 },
    ],
    [
      { aspectRatio: '16:9', count: 3 },
      { prompt: 'p', image_size: 'landscape_16_9', image_resolution: '1K', max_images: 3, seed: 7 },
    ],
    [
      { aspectRatio: '9:16', resolution: '2K', count: 2 },
      { prompt: 'p', image_size: 'portrait_16_9', image_resolution: '2K', max_images: 2, seed: 7 },
    ],
    [
      { aspectRatio: '21:9', seed: 99 },
      {
        prompt: 'p',
        image_size: 'landscape_21_9',
        image_resolution: '1K',
        max_images: 1,
        seed: 99,
      },
    ],
  ] as const;

  it.each(v4Bodies)('Seedream 4.0 is asked %o as %o', (overrides, body) => {
    expect(v4.input(task(overrides))).toEqual(body);
  });

  it('offers Seedream 4.0 those shapes and no others', () => {
    expect(v4.capabilities.aspectRatios).toEqual(v4Bodies.map(([{ aspectRatio }]) => aspectRatio));
  });

  it('asks Seedream 4.5 for each ratio it offers by its name, with a quality always', () => {
    expect(v45.capabilities.aspectRatios).toEqual(v4.capabilities.aspectRatios);
    for (const aspectRatio of v45.capabilities.aspectRatios)
      expect(v45.input(task({ aspectRatio }))).toEqual({
        prompt: 'p',
        aspect_ratio: aspectRatio,
        quality: 'basic',
      });
  });

  it.each(['5:4', '4:5', 'auto', ...extremeAspectRatios] as const)(
    'Seedream does not offer %s, so validation refuses it before the builder would',
    (aspectRatio) => {
      for (const m of kieMarketModels.filter((k) => k.capabilities.id.includes('seedream'))) {
        expect(m.capabilities.aspectRatios).not.toContain(aspectRatio);
        expect(() => m.input(task({ aspectRatio }))).toThrow(ProviderError);
      }
    },
  );

  it('offers 4.5 quality as sizes and sends it always', () => {
    expect(v45.capabilities.resolutions).toEqual(['2K', '4K']);
    expect(v45.input(task({ resolution: '4K' }))).toMatchObject({ quality: 'high' });
    expect(v45.input(task({ resolution: null }))).toMatchObject({ quality: 'basic' });
  });

  it.each([
    ['strict', true],
    ['balanced', true],
    ['permissive', false],
  ] as const)('maps safety %s to nsfw_checker %s where the model documents it', (safety, on) => {
    expect(v4.input(task({ safety }))).toMatchObject({ nsfw_checker: on });
    expect(model('google/nano-banana').input(task({ safety }))).toMatchObject({ nsfw_checker: on });
    expect(model('nano-banana-2').input(task({ safety }))).not.toHaveProperty('nsfw_checker');
  });

  it('leaves nsfw_checker out without a safety level', () => {
    expect(v4.input(task({}))).not.toHaveProperty('nsfw_checker');
  });

  it('gives Nano Banana 2 the extreme ratios, and Pro not', () => {
    expect(model('nano-banana-2').capabilities.aspectRatios).toEqual([
      ...aspectRatios,
      ...extremeAspectRatios,
    ]);
    expect(model('nano-banana-pro').capabilities.aspectRatios).toEqual([...aspectRatios]);
  });
});

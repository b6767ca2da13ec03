import { afterEach, describe, expect, it } from 'vitest';
import { createLocalAdapter } from '../providers/local/local-adapter';
import { createTaskInput, type CreateTaskInput } from '../schemas';
import { createTestContext, type TestContext } from '../testing';
import { createTask } from './create-task';

describe('createTask validation against model capabilities', () => {
  let t: TestContext;
  afterEach(() => t.close());

  const narrow = () => {
    const local = createLocalAdapter({ delayMs: 0 });
    return {
      ...local,
      id: 'narrow',
      defaultModel: 'square',
      models: [
        {
          id: 'square',
          label: 'Square only',
          operations: ['generate' as const],
          aspectRatios: ['1:1' as const],
          outputFormats: ['png' as const],
          maxImages: 1,
          maxReferenceImages: 0,
          resolutions: [],
          price: null,
        },
      ],
    };
  };

  const attempt = (input: CreateTaskInput) => createTask(t.ctx, createTaskInput.parse(input));

  const cases: [Partial<CreateTaskInput>, string, string][] = [
    [{ provider: 'nobody' }, 'INVALID_INPUT', 'provider'],
    [{ provider: 'narrow', model: 'other' }, 'INVALID_INPUT', 'model'],
    [{ provider: 'narrow', aspectRatio: '16:9' }, 'INVALID_INPUT', 'aspectRatio'],
    [{ provider: 'narrow', outputFormat: 'webp' }, 'INVALID_INPUT', 'outputFormat'],
    [{ provider: 'narrow', count: 2 }, 'INVALID_INPUT', 'count'],
    [{ provider: 'narrow', operation: 'edit', assetIds: ['a'] }, 'INVALID_INPUT', 'operation'],
    [{ provider: 'offline' }, 'PROVIDER_NOT_CONFIGURED', 'provider'],
    [{ operation: 'edit', assetIds: ['missing'] }, 'INVALID_INPUT', 'assetIds'],
    [{ resolution: '2K' }, 'INVALID_INPUT', 'resolution'],
    [{ aspectRatio: '1:4' }, 'INVALID_INPUT', 'aspectRatio'],
  ];
  it.each(cases)('%o is a %s error on %s', async (overrides, code, field) => {
    const offline = {
      ...createLocalAdapter({ delayMs: 0 }),
      id: 'offline',
      configured: false,
      hint: 'Set OFFLINE_KEY',
    };
    t = await createTestContext({
      adapters: [createLocalAdapter({ delayMs: 0 }), narrow(), offline],
    });
    await expect(attempt({ prompt: 'p', ...overrides })).rejects.toThrow(
      expect.objectContaining({ code, field }),
    );
  });

  it('stores nothing when validation fails', async () => {
    t = await createTestContext();
    const events: unknown[] = [];
    t.ctx.bus.subscribe((e) => events.push(e));
    await expect(attempt({ prompt: 'p', provider: 'nobody' })).rejects.toThrow();
    expect(t.ctx.db.query.tasks.findMany().sync()).toEqual([]);
    expect(events).toEqual([]);
  });

  it('the input schema names the field of a malformed request', () => {
    const result = createTaskInput.safeParse({ prompt: 'p', count: 9, aspectRatio: '7:3' });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['aspectRatio', 'count']);
    // A blank prompt is a cross-field rule (some operations need none), checked once the fields parse.
    const blank = createTaskInput.safeParse({ prompt: ' ' });
    expect(blank.error?.issues.map((i) => i.path.join('.'))).toEqual(['prompt']);
    const edit = createTaskInput.safeParse({ prompt: 'p', operation: 'edit' });
    expect(edit.error?.issues[0]?.path).toEqual(['assetIds']);
  });
});

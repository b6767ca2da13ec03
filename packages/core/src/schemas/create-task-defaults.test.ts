import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  createTaskInput,
  isVideoOperation,
  operationRules,
  operations,
  type AspectRatio,
  type Operation,
  type CreateTaskInput,
  type ValidCreateTaskInput,
} from './index';

/** The smallest valid request for an operation: a prompt and the fewest references it takes. */
const minimal = (operation: Operation) => {
  const { min } = operationRules[operation].references;
  return {
    operation,
    prompt: 'x',
    ...(min > 0 ? { assetIds: Array.from({ length: min }, (_, i) => `asset-${i}`) } : {}),
  };
};

describe('the defaults of a request depend on its operation', () => {
  it('give a video 16:9 and 30 minutes, an operation on images the shape of its input, and a prompt 1:1', () => {
    const shapes: Record<Operation, AspectRatio> = {
      generate: '1:1',
      edit: 'auto',
      'remove-background': 'auto',
      'style-transfer': 'auto',
      enhance: 'auto',
      'batch-edit': 'auto',
      'text-to-video': '16:9',
      'image-to-video': '16:9',
    };
    for (const operation of operations) {
      expect(createTaskInput.parse(minimal(operation)), operation).toMatchObject({
        aspectRatio: shapes[operation],
        timeoutSeconds: isVideoOperation(operation) ? 1800 : 600,
      });
    }
  });

  it('keep what was asked', () => {
    for (const operation of ['generate', 'edit', 'text-to-video'] as const) {
      expect(
        createTaskInput.parse({ ...minimal(operation), aspectRatio: '9:16', timeoutSeconds: 120 }),
      ).toMatchObject({ aspectRatio: '9:16', timeoutSeconds: 120 });
    }
    expect(createTaskInput.safeParse({ prompt: 'x', timeoutSeconds: 5 }).success).toBe(false);
  });

  it('let a client omit both, and give the engine both', () => {
    expectTypeOf<{ prompt: string; operation: 'text-to-video' }>().toExtend<CreateTaskInput>();
    expectTypeOf<ValidCreateTaskInput['aspectRatio']>().toEqualTypeOf<AspectRatio>();
    expectTypeOf<ValidCreateTaskInput['timeoutSeconds']>().toEqualTypeOf<number>();
  });
});

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
  it('give a video 16:9 and 30 minutes, and an image 1:1 and 10 minutes', () => {
    for (const operation of operations) {
      const video = isVideoOperation(operation);
      expect(createTaskInput.parse(minimal(operation)), operation).toMatchObject({
        aspectRatio: video ? '16:9' : '1:1',
        timeoutSeconds: video ? 1800 : 600,
      });
    }
  });

  it('keep what was asked', () => {
    for (const operation of ['generate', 'text-to-video'] as const) {
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

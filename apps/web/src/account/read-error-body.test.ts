import { describe, expect, it } from 'vitest';
import { readErrorBody } from './read-error-body';

describe('readErrorBody', () => {
  it("reads genhub's envelope", () => {
    expect(readErrorBody({ error: { code: 'EMAIL_TAKEN', message: 'taken' } })).toEqual({
      code: 'EMAIL_TAKEN',
      message: 'taken',
    });
  });

  it("reads better-auth's flat body", () => {
    expect(
      readErrorBody({ code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' }),
    ).toEqual({ code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' });
  });

  it('gives nulls for anything else', () => {
    for (const body of [null, 'oops', 42, [], { error: 'x' }, { code: 7, message: '' }]) {
      expect(readErrorBody(body)).toEqual({ code: null, message: null });
    }
  });
});

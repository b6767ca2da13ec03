import { describe, expect, it } from 'vitest';
import { unstorableTextMessage } from '../trpc/to-trpc-error';
import { errorEnvelope } from './error-envelope';

/** What drizzle throws for a statement PostgreSQL refused: the driver's error as its cause. */
function refused(code: string): Error {
  const driver = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
    code,
  });
  return new Error('Failed query: select …', { cause: driver });
}

describe('errorEnvelope', () => {
  it('answers text the database cannot hold (a NUL character) as a 400, in its own words', () => {
    for (const code of ['22021', '22P05']) {
      expect(errorEnvelope(refused(code))).toEqual({
        status: 400,
        code: 'BAD_REQUEST',
        message: unstorableTextMessage,
      });
    }
  });

  it('keeps any other database failure a 500 that shows nothing of it', () => {
    expect(errorEnvelope(refused('23505'))).toEqual({
      status: 500,
      code: 'INTERNAL',
      message: 'Internal server error',
    });
  });
});

import { eq } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTaskInput } from '../schemas';
import { createTask } from '../tasks/create-task';
import { createTestContext, fakeClock, type TestContext } from '../testing';
import { listGallery } from './list-gallery';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext({ clock: fakeClock(Date.UTC(2026, 5, 1)) });
});
afterEach(() => t.close());

/** A finished task with this prompt. */
async function add(prompt: string): Promise<string> {
  t.clock.advance(60_000);
  const task = await createTask(t.ctx, createTaskInput.parse({ prompt }));
  t.ctx.db
    .update(tasks)
    .set({ status: 'completed', finishedAt: t.clock.now() })
    .where(eq(tasks.id, task.id))
    .run();
  return task.id;
}

const search = async (text: string) =>
  (await listGallery(t.ctx, { search: text })).items.map((i) => i.id);

/** FTS5 query syntax, quotes, NUL and control characters: each must be searched for literally. */
const hostile = [
  'a\u0000b',
  '\u0000',
  'fox\u0000',
  '"',
  '""',
  '"unterminated',
  "'",
  "it's",
  '*',
  'fox*',
  '^fox',
  'NEAR(fox snow)',
  'NEAR(',
  'fox AND snow',
  'fox OR',
  'NOT fox',
  'AND',
  'OR',
  'NOT',
  '(fox',
  'fox)',
  '()',
  'prompt:fox',
  'prompt : fox',
  '{prompt}: fox',
  '-fox',
  '+fox',
  ':',
  'fox:snow',
  'a\u0001b\u001fc\u007f',
  '\t\n\r',
  '\\',
  '%_',
  'ab"cd',
  '\u200b',
  '\ud800 lone \udc00 surrogates',
  'a\u0085b\u009fc',
  '\ud83e\udd8a fox',
  'x'.repeat(200),
];

describe('gallery search on hostile text', () => {
  it.each(hostile.map((text) => [JSON.stringify(text), text]))(
    '%s never throws',
    async (_, text) => {
      await add('a red fox in the snow');
      await expect(search(text)).resolves.toBeInstanceOf(Array);
    },
  );

  it.each(
    [
      'NEAR(fox snow)',
      'fox AND snow',
      'prompt:fox',
      '"unterminated',
      'fox*',
      '^fox',
      '(fox)',
      'it\'s "open"',
      '{prompt}: fox',
    ].map((text) => [text]),
  )('finds %s literally, and only literally', async (text) => {
    const literal = await add(`a sign saying ${text} on the wall`);
    await add('a red fox in the snow');
    expect(await search(text)).toEqual([literal]);
  });
});

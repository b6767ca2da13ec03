import type { SQL } from 'drizzle-orm';

/**
 * One statement of a unit of work, as the unit yields it to its runner: a drizzle query to
 * read rows from (a select, or a write with `returning()`), one to execute, or raw SQL.
 */
export type Step =
  | { readonly kind: 'rows'; readonly query: PromiseLike<unknown> }
  | { readonly kind: 'exec'; readonly query: PromiseLike<unknown> }
  | { readonly kind: 'raw'; readonly sql: SQL };

/**
 * Work written once for both dialects as a generator: each statement is `yield*`ed through
 * `rows`, `first`, `exec` or `raw`, and the runner executes it. On SQLite the runner drives
 * the generator synchronously, inside one of better-sqlite3's transactions when asked, so
 * nothing else runs on the connection meanwhile; on PostgreSQL it awaits each statement on
 * the connection of the unit's transaction. A failed statement throws into the unit; let it
 * end the unit, since PostgreSQL refuses every later statement of a transaction after one fails.
 */
export type Unit<T> = Generator<Step, T, unknown>;

/** The rows of a select, or of a write with `returning()`. */
export function* rows<T>(query: PromiseLike<T[]>): Generator<Step, T[], unknown> {
  // The runner answers a `rows` step with what the query resolves to: T[].
  return (yield { kind: 'rows', query }) as T[];
}

/** The first row, if any. */
export function* first<T>(query: PromiseLike<T[]>): Generator<Step, T | undefined, unknown> {
  const found = yield* rows(query);
  return found[0];
}

/** A write whose result is not read. */
export function* exec(query: PromiseLike<unknown>): Generator<Step, void, unknown> {
  yield { kind: 'exec', query };
}

/** Raw SQL whose result is not read (a lock, a notice): what a dialect needs of its own. */
export function* raw(sql: SQL): Generator<Step, void, unknown> {
  yield { kind: 'raw', sql };
}

/** Drives `unit`, answering each step with `answer`'s result; a failed step throws into it. */
export function driveSync<T>(unit: Unit<T>, answer: (step: Step) => unknown): T {
  let next = unit.next();
  while (!next.done) {
    let result: unknown;
    try {
      result = answer(next.value);
    } catch (error) {
      next = unit.throw(error);
      continue;
    }
    next = unit.next(result);
  }
  return next.value;
}

/** `driveSync`, awaiting each answer. */
export async function driveAsync<T>(
  unit: Unit<T>,
  answer: (step: Step) => Promise<unknown>,
): Promise<T> {
  let next = unit.next();
  while (!next.done) {
    let result: unknown;
    try {
      result = await answer(next.value);
    } catch (error) {
      next = unit.throw(error);
      continue;
    }
    next = unit.next(result);
  }
  return next.value;
}

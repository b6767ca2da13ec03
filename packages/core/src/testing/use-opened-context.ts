import { afterAll, beforeAll } from 'vitest';
import type { CoreContext } from '../context';
import type { TaskEvent } from '../schemas';

/** A core context a shared suite runs on, whichever dialect opened it. */
export interface OpenedContext {
  ctx: CoreContext;
  close(): Promise<void>;
}

/**
 * Opens the context before the tests of the describe block this is called in and closes it
 * after them; hands it to `take`, and records every event it publishes in `published`.
 */
export function useOpenedContext(
  open: () => Promise<OpenedContext>,
  take: (ctx: CoreContext) => void,
  published: TaskEvent[],
): void {
  let opened: OpenedContext | undefined;
  beforeAll(async () => {
    opened = await open();
    take(opened.ctx);
    opened.ctx.bus.subscribe((event) => published.push(event));
  });
  afterAll(() => opened?.close());
}

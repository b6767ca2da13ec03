import { eq } from 'drizzle-orm';
import { queuePauses } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { allProviders } from './paused-scopes';

function scopeOf(ctx: CoreContext, provider: string | undefined): string {
  if (provider === undefined) return allProviders;
  if (!ctx.providers.get(provider)) {
    throw new CoreError('INVALID_INPUT', `Unknown provider "${provider}"`, 'provider');
  }
  return provider;
}

/** Stops claiming new work (everywhere, or for one provider); running tasks finish. */
export function pauseQueue(ctx: CoreContext, provider?: string): void {
  ctx.db
    .insert(queuePauses)
    .values({ scope: scopeOf(ctx, provider), pausedAt: ctx.clock.now() })
    .onConflictDoNothing()
    .run();
  ctx.queueChanged.emit();
}

export function resumeQueue(ctx: CoreContext, provider?: string): void {
  ctx.db
    .delete(queuePauses)
    .where(eq(queuePauses.scope, scopeOf(ctx, provider)))
    .run();
  ctx.queueChanged.emit();
}

import { deleteQueuePause, insertQueuePause } from '@genhub/db';
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
export async function pauseQueue(ctx: CoreContext, provider?: string): Promise<void> {
  const scope = scopeOf(ctx, provider);
  await ctx.data.run((data) => insertQueuePause(data, scope, ctx.clock.now()));
  ctx.queueChanged.emit();
}

export async function resumeQueue(ctx: CoreContext, provider?: string): Promise<void> {
  const scope = scopeOf(ctx, provider);
  await ctx.data.run((data) => deleteQueuePause(data, scope));
  ctx.queueChanged.emit();
}

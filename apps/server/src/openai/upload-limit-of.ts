import { maxUploadBytes, type CoreContext } from '@genhub/core';
import { userLimitsOf } from '../accounts/user-limits';

export interface UploadLimit {
  bytes: number;
  /** What a refusal says. */
  message: string;
}

/** The largest image a user may upload: the server's, or the smaller one an admin gave them. */
export async function uploadLimitOf(core: CoreContext, userId: string): Promise<UploadLimit> {
  const ownMb = (await userLimitsOf(core.data, userId)).maxUploadMb;
  const bytes = ownMb === null ? maxUploadBytes : Math.min(maxUploadBytes, ownMb * 1024 * 1024);
  const whose = ownMb === null ? '' : ' for your account';
  return { bytes, message: `An image may be at most ${bytes / 1024 / 1024} MB${whose}` };
}

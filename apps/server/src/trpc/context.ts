import type { CoreContext } from '@genhub/core';

export interface TrpcContext {
  core: CoreContext;
}

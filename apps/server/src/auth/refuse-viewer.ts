import type { Scope } from '@genhub/api';
import type { Viewer } from './viewer';

export interface ViewerRefusal {
  status: 401 | 403;
  code: 'UNAUTHORIZED' | 'FORBIDDEN';
  message: string;
}

/** The caller, when they may do something that needs `scope`; else why not. */
export function refuseViewer(
  viewer: Viewer | null,
  scope: Scope,
): { viewer: Viewer; refusal: null } | { viewer: null; refusal: ViewerRefusal } {
  if (!viewer) {
    return {
      viewer: null,
      refusal: {
        status: 401,
        code: 'UNAUTHORIZED',
        message: 'Sign in, or send an API key as "Authorization: Bearer gh_…"',
      },
    };
  }
  if (viewer.scopes.includes(scope)) return { viewer, refusal: null };
  const holder = viewer.via === 'key' ? 'API key' : 'account';
  return {
    viewer: null,
    refusal: {
      status: 403,
      code: 'FORBIDDEN',
      message: `This needs the "${scope}" scope, which this ${holder} does not have`,
    },
  };
}

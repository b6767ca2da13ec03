import type { Scope } from './scopes';
import type { Viewer } from './viewer';

export interface ViewerRefusal {
  status: 401 | 403;
  code: 'UNAUTHORIZED' | 'FORBIDDEN';
  message: string;
}

/** Why a caller may not do something that needs `scope`; null when they may. */
export function refuseViewer(viewer: Viewer | null, scope: Scope): ViewerRefusal | null {
  if (!viewer) {
    return {
      status: 401,
      code: 'UNAUTHORIZED',
      message: 'Sign in, or send an API key as "Authorization: Bearer gh_…"',
    };
  }
  if (viewer.scopes.includes(scope)) return null;
  const holder = viewer.via === 'key' ? 'API key' : 'account';
  return {
    status: 403,
    code: 'FORBIDDEN',
    message: `This needs the "${scope}" scope, which this ${holder} does not have`,
  };
}

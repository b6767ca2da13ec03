/** `*` pauses the whole queue; any other scope is a provider id. */
export const allProviders = '*';

export interface PausedScopes {
  all: boolean;
  providers: Set<string>;
}

export function pausedFrom(scopes: { scope: string }[]): PausedScopes {
  return {
    all: scopes.some((s) => s.scope === allProviders),
    providers: new Set(scopes.map((s) => s.scope).filter((s) => s !== allProviders)),
  };
}

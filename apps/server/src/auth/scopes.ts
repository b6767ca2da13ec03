import { scopes, type Scope } from '@genhub/api';
import { z } from 'zod';

/** The API-key plugin's permissions record: one resource, `scopes`, whose actions are ours. */
export const permissionsOf = (granted: readonly Scope[]) => ({ scopes: [...granted] });

const storedPermissions = z.object({ scopes: z.array(z.string()).optional() }).loose();

/**
 * The scopes a key's stored permissions grant: the plugin hands them back as JSON text or as
 * an object. Anything unknown grants nothing.
 */
export function scopesOfPermissions(value: unknown): Scope[] {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return [];
    }
  }
  const result = storedPermissions.safeParse(parsed);
  if (!result.success) return [];
  return scopes.filter((scope) => result.data.scopes?.includes(scope));
}

/** A signed-in user holds every scope their role allows. */
export const scopesOfRole = (role: 'admin' | 'member'): Scope[] =>
  role === 'admin' ? ['read', 'generate', 'admin'] : ['read', 'generate'];

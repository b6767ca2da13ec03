import type { UserRole } from '@genhub/db';
import type { Scope } from './scopes';

/** Who is calling, and how they proved it. */
export interface Viewer {
  user: { id: string; email: string; name: string; role: UserRole };
  via: 'session' | 'key';
  /** The API key's id, when it came with one. */
  keyId?: string;
  /** When the key or session expires (epoch ms); null for a key without expiry. */
  expiresAt?: number | null;
  scopes: Scope[];
}

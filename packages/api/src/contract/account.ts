import { usageInput, usageReport } from '@genhub/core/schemas';
import { userRoles } from '@genhub/db/account-enums';
import { z } from 'zod';
import { scopeSchema } from './account-fields';
import { createKeyInput, keyIdInput } from './account-inputs';
import { mutation, query } from './procedure-contract';

const ok = z.object({ ok: z.literal(true) });

/** Who is calling, and how they proved it. */
export const viewer = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(userRoles) }),
  via: z.enum(['session', 'key']),
  /** The API key's id, when it came with one. */
  keyId: z.string().optional(),
  /** When the key or session expires (epoch ms); null for a key without expiry. */
  expiresAt: z.number().nullable().optional(),
  scopes: z.array(scopeSchema),
});
export type Viewer = z.infer<typeof viewer>;

/** One of the caller's API keys, never the key itself. */
export const ownKey = z.object({
  id: z.string(),
  name: z.string().nullable(),
  /** The prefix and first characters, to tell keys apart. */
  start: z.string().nullable(),
  scopes: z.array(scopeSchema),
  expiresAt: z.number().nullable(),
  lastUsedAt: z.number().nullable(),
  createdAt: z.number(),
});
export type OwnKey = z.infer<typeof ownKey>;

/** A key just made: the only answer that holds the key. */
export const createdKey = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  start: z.string().nullable(),
  scopes: z.array(scopeSchema),
  expiresAt: z.number().nullable(),
  createdAt: z.number(),
});

export const balanceLine = z.object({
  provider: z.string(),
  label: z.string(),
  amount: z.number().nullable(),
  unit: z.string().nullable(),
  error: z.string().nullable(),
});
export type BalanceLine = z.infer<typeof balanceLine>;

export const accountContract = {
  keys: {
    /** The caller's keys that are not revoked, newest first; never the keys themselves. */
    list: query({ output: z.array(ownKey) }),
    /** A new key with some of the caller's scopes; the answer is the only time it is shown. */
    create: mutation({ input: createKeyInput, output: createdKey }),
    /** Revokes one of the caller's keys at once, closing the WebSockets that came with it. */
    revoke: mutation({ input: keyIdInput, output: ok }),
  },
  /** Spend by day, provider, model and plan (last month and this), and the monthly caps. */
  usage: query({ input: usageInput, output: usageReport }),
  /** The balance of every configured provider that reports one, read at most every 30 s. */
  balance: query({ output: z.array(balanceLine) }),
};

export const authContract = {
  /** Who the caller is (session cookie or API key) and with which scopes; null when signed out. */
  viewer: query({ output: viewer.nullable() }),
};

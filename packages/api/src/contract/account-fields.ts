import { z } from 'zod';

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((email) => email.toLowerCase());

/** better-auth hashes at most this many characters; longer would be cut silently. */
export const passwordSchema = z.string().min(8).max(128);

export const nameSchema = z.string().trim().min(1).max(100);

/** What an API key may do: read; generate (which spends credits); admin. */
export const scopes = ['read', 'generate', 'admin'] as const;
export type Scope = (typeof scopes)[number];
export const scopeSchema = z.enum(scopes);

import { auditKinds, userRoles } from '@genhub/db/account-enums';
import { maxUploadBytes } from '@genhub/core/schemas';
import { z } from 'zod';
import { emailSchema, nameSchema, passwordSchema, scopeSchema } from './account-fields';

const idSchema = z.string().trim().min(1).max(200);

export const createKeyInput = z.object({
  name: z.string().trim().min(1).max(64),
  scopes: z
    .array(scopeSchema)
    .min(1)
    .refine((list) => new Set(list).size === list.length, 'Name each scope once'),
  expiresInDays: z.number().int().min(1).max(3650).nullish(),
});

export const keyIdInput = z.object({ id: idSchema });

export const createUserInput = z.object({
  email: emailSchema,
  name: nameSchema,
  password: passwordSchema,
  role: z.enum(userRoles),
});

export const updateUserInput = z.object({
  id: idSchema,
  role: z.enum(userRoles).optional(),
  disabled: z.boolean().optional(),
});

export const resetPasswordInput = z.object({ id: idSchema, password: passwordSchema });

export const setQuotaInput = z.object({
  id: idSchema,
  unit: z.string().trim().min(1).max(32),
  /** Null removes the quota. */
  monthlyLimit: z.number().positive().nullable(),
});

/** A user's own request and upload limits, like a plan's; null falls back to the server's. */
export const setLimitsInput = z.object({
  id: idSchema,
  tasksPerMinute: z.number().int().min(1).max(10_000).nullable(),
  maxUploadMb: z
    .number()
    .int()
    .min(1)
    .max(maxUploadBytes / 1024 / 1024)
    .nullable(),
});

export const auditListInput = z.object({
  cursor: z.string().max(300).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  kind: z.enum(auditKinds).optional(),
});

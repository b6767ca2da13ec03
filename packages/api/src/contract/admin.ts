import { queueStatus, usageInput, usageReport } from '@genhub/core/schemas';
import { auditKinds, userRoles } from '@genhub/db/account-enums';
import { z } from 'zod';
import {
  auditListInput,
  createUserInput,
  resetPasswordInput,
  setLimitsInput,
  setQuotaInput,
  updateUserInput,
} from './account-inputs';
import { generationContract } from './generation';
import { mutation, query } from './procedure-contract';
import { providerKeysContract } from './provider-keys';
import { taskProceduresContract } from './task';

const ok = z.object({ ok: z.literal(true) });

export const userSummary = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(userRoles),
  disabled: z.boolean(),
  createdAt: z.number(),
  /** Monthly spending caps, one per price unit. */
  quotas: z.array(z.object({ unit: z.string(), monthlyLimit: z.number() })),
  /** Their own request and upload limits; null where the server's apply. */
  limits: z.object({
    tasksPerMinute: z.number().int().nullable(),
    maxUploadMb: z.number().int().nullable(),
  }),
});
export type UserSummary = z.infer<typeof userSummary>;

export const auditItem = z.object({
  id: z.string(),
  at: z.number(),
  kind: z.enum(auditKinds),
  actor: z.object({ id: z.string(), email: z.string() }).nullable(),
  subject: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export const auditPage = z.object({
  items: z.array(auditItem),
  /** Pass back as `cursor` for the next (older) page; null on the last one. */
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPage>;

/** Everything only admins may do: users, the audit log, provider keys, every user's things. */
export const adminContract = {
  /** The caller's own procedures, over every user's things. */
  generation: generationContract,
  task: taskProceduresContract,
  /** Everyone's spending and reservations. */
  usage: query({ input: usageInput, output: usageReport }),
  /** Everyone's running and waiting tasks. */
  queue: query({ output: queueStatus }),
  users: {
    /** Every user, with their role, whether they are disabled, and their monthly quotas. */
    list: query({ output: z.array(userSummary) }),
    /** Invites a user: the admin hands the initial password over. */
    create: mutation({ input: createUserInput, output: userSummary }),
    /** Changes a role or disables a user (which signs them out); never oneself, never the last admin. */
    update: mutation({ input: updateUserInput, output: userSummary }),
    /** Sets a new password and signs the user out everywhere, open WebSockets included. */
    resetPassword: mutation({ input: resetPasswordInput, output: ok }),
    /** Sets (or, with null, removes) a user's monthly quota in one price unit. */
    setQuota: mutation({ input: setQuotaInput, output: ok }),
    /** Sets a user's own task-creation rate and upload size (null: the server's). */
    setLimits: mutation({ input: setLimitsInput, output: ok }),
  },
  audit: {
    /** Security events, newest first, a page at a time. */
    list: query({ input: auditListInput, output: auditPage }),
  },
  providerKeys: providerKeysContract,
};

import type { RouterInputs } from './router-types';

export type AuditKind = NonNullable<NonNullable<RouterInputs['admin']['audit']['list']>['kind']>;

/** Every kind of event the audit log records, in the order the filter offers them. */
export const auditKinds = [
  'sign-in',
  'sign-in-failed',
  'key-created',
  'key-revoked',
  'user-created',
  'user-changed',
  'password-reset',
  'quota-changed',
  'settings-changed',
] as const satisfies readonly AuditKind[];

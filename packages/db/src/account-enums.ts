/** Plain values with no database code: the API contract and the browser import them from here. */
export const userRoles = ['admin', 'member'] as const;
export type UserRole = (typeof userRoles)[number];

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
  'webhook-disabled',
] as const;
export type AuditKind = (typeof auditKinds)[number];

import { sqliteTableOf } from './columns/sqlite-table';
import * as spec from './tables/auth-tables';

/*
 * The tables better-auth reads and writes through its Drizzle adapter (SQLite), built from
 * the specs in `tables/auth-tables.ts`.
 */

export { auditKinds, userRoles, type AuditKind, type UserRole } from './account-enums';

export const users = sqliteTableOf(spec.users);
export const sessions = sqliteTableOf(spec.sessions);
/** A way to sign in; for email and password, provider `credential` and the password's hash. */
export const accounts = sqliteTableOf(spec.accounts);
export const verifications = sqliteTableOf(spec.verifications);
/** API keys: only the key's hash is stored, with its first characters to tell keys apart. */
export const apiKeys = sqliteTableOf(spec.apiKeys);
/** Security events, append-only; admins read them. */
export const auditEvents = sqliteTableOf(spec.auditEvents);
/** A user's monthly spending cap in one price unit (credits, USD, …), set by an admin. */
export const userQuotas = sqliteTableOf(spec.userQuotas);
/** Provider keys and options set at runtime by an admin (encrypted). */
export const runtimeSettings = sqliteTableOf(spec.runtimeSettings);

export type UserRow = typeof users.$inferSelect;
export type UserQuotaRow = typeof userQuotas.$inferSelect;
export type RuntimeSettingRow = typeof runtimeSettings.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type AuditEventRow = typeof auditEvents.$inferSelect;

import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { auditKinds, userRoles } from './account-enums';

/*
 * The tables better-auth reads and writes through its Drizzle adapter. Property names are
 * the field names it asks for (`emailVerified`, `referenceId`, …); columns are snake_case.
 * Its times are Dates: stored as epoch milliseconds like every other time column here.
 */
const time = (name: string) => integer(name, { mode: 'timestamp_ms' });
const flag = (name: string) => integer(name, { mode: 'boolean' });

export { auditKinds, userRoles, type AuditKind, type UserRole } from './account-enums';

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: flag('email_verified').notNull().default(false),
  image: text('image'),
  role: text('role', { enum: userRoles }).notNull().default('member'),
  /** A disabled user cannot sign in, and their sessions and keys resolve to no one. */
  disabled: flag('disabled').notNull().default(false),
  /** Tasks this user may create a minute, instead of the server's RATE_LIMIT_TASKS; null: the server's. */
  tasksPerMinute: integer('tasks_per_minute'),
  /** The largest image this user may upload, in MB (at most the server's 10); null: the server's. */
  maxUploadMb: integer('max_upload_mb'),
  createdAt: time('created_at').notNull(),
  updatedAt: time('updated_at').notNull(),
});

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    expiresAt: time('expires_at').notNull(),
    /** The cookie's value; better-auth looks sessions up by it. */
    token: text('token').notNull().unique(),
    createdAt: time('created_at').notNull(),
    updatedAt: time('updated_at').notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** A way to sign in; for email and password, provider `credential` and the password's hash. */
export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: time('access_token_expires_at'),
    refreshTokenExpiresAt: time('refresh_token_expires_at'),
    scope: text('scope'),
    password: text('password'),
    createdAt: time('created_at').notNull(),
    updatedAt: time('updated_at').notNull(),
  },
  (t) => [index('accounts_user_idx').on(t.userId)],
);

export const verifications = sqliteTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: time('expires_at').notNull(),
    createdAt: time('created_at').notNull(),
    updatedAt: time('updated_at').notNull(),
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier)],
);

/** API keys: only the key's hash is stored, with its first characters to tell keys apart. */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    configId: text('config_id').notNull().default('default'),
    name: text('name'),
    start: text('start'),
    /** The owning user's id. */
    referenceId: text('reference_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    prefix: text('prefix'),
    key: text('key').notNull(),
    refillInterval: integer('refill_interval'),
    refillAmount: integer('refill_amount'),
    lastRefillAt: time('last_refill_at'),
    enabled: flag('enabled').default(true),
    rateLimitEnabled: flag('rate_limit_enabled').default(true),
    rateLimitTimeWindow: integer('rate_limit_time_window'),
    rateLimitMax: integer('rate_limit_max'),
    requestCount: integer('request_count').default(0),
    remaining: integer('remaining'),
    /** When it was last used. */
    lastRequest: time('last_request'),
    expiresAt: time('expires_at'),
    createdAt: time('created_at').notNull(),
    updatedAt: time('updated_at').notNull(),
    /** JSON: `{"scopes":["read","generate"]}`. */
    permissions: text('permissions'),
    metadata: text('metadata'),
  },
  (t) => [
    index('api_keys_key_idx').on(t.key),
    index('api_keys_reference_idx').on(t.referenceId),
    index('api_keys_config_idx').on(t.configId),
  ],
);

/** Security events, append-only; admins read them. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: text('id').primaryKey(),
    /** Epoch milliseconds. */
    at: integer('at').notNull(),
    /** Who did it: null when no one is signed in (a failed sign-in, the command line). */
    actorId: text('actor_id'),
    kind: text('kind', { enum: auditKinds }).notNull(),
    /** What it was done to: a user's email, a key's id. */
    subject: text('subject'),
    ip: text('ip'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_events_at_idx').on(t.at)],
);

/** A user's monthly spending cap in one price unit (credits, USD, …), set by an admin. */
export const userQuotas = sqliteTable(
  'user_quotas',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    unit: text('unit').notNull(),
    monthlyLimit: real('monthly_limit').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.unit] })],
);

/**
 * Provider keys and options set at runtime by an admin, by the environment variable they
 * stand in for (`KIE_API_KEY`, …). Values are encrypted with the installation's secret.
 */
export const runtimeSettings = sqliteTable('runtime_settings', {
  name: text('name').primaryKey(),
  /** AES-256-GCM: base64 of iv, tag and ciphertext. */
  encrypted: text('encrypted').notNull(),
  /** The last four characters, the only part ever shown back. */
  last4: text('last4').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: integer('updated_at').notNull(),
});

export type UserRow = typeof users.$inferSelect;
export type UserQuotaRow = typeof userQuotas.$inferSelect;
export type RuntimeSettingRow = typeof runtimeSettings.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type AuditEventRow = typeof auditEvents.$inferSelect;

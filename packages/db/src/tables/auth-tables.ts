import { auditKinds, userRoles } from '../account-enums';
import { col } from '../columns/column-spec';
import { index, primaryKey, tableSpec } from '../columns/table-spec';

/*
 * The tables better-auth reads and writes through its Drizzle adapter. Property names are
 * the field names it asks for (`emailVerified`, `referenceId`, …); columns are snake_case.
 * Its times are Dates, stored to the millisecond (epoch milliseconds on SQLite).
 */

export const users = tableSpec('users', {
  id: col.text('id').primaryKey(),
  name: col.text('name').notNull(),
  email: col.text('email').notNull().unique(),
  emailVerified: col.bool('email_verified').notNull().default(false),
  image: col.text('image'),
  role: col.enum('role', userRoles).notNull().default('member'),
  /** A disabled user cannot sign in, and their sessions and keys resolve to no one. */
  disabled: col.bool('disabled').notNull().default(false),
  /** Tasks this user may create a minute, instead of the server's RATE_LIMIT_TASKS; null: the server's. */
  tasksPerMinute: col.int('tasks_per_minute'),
  /** The largest image this user may upload, in MB (at most the server's 10); null: the server's. */
  maxUploadMb: col.int('max_upload_mb'),
  createdAt: col.time('created_at').notNull(),
  updatedAt: col.time('updated_at').notNull(),
});

export const sessions = tableSpec(
  'sessions',
  {
    id: col.text('id').primaryKey(),
    expiresAt: col.time('expires_at').notNull(),
    /** The cookie's value; better-auth looks sessions up by it. */
    token: col.text('token').notNull().unique(),
    createdAt: col.time('created_at').notNull(),
    updatedAt: col.time('updated_at').notNull(),
    ipAddress: col.text('ip_address'),
    userAgent: col.text('user_agent'),
    userId: col
      .text('user_id')
      .notNull()
      .references(() => users, 'id', { onDelete: 'cascade' }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** A way to sign in; for email and password, provider `credential` and the password's hash. */
export const accounts = tableSpec(
  'accounts',
  {
    id: col.text('id').primaryKey(),
    accountId: col.text('account_id').notNull(),
    providerId: col.text('provider_id').notNull(),
    userId: col
      .text('user_id')
      .notNull()
      .references(() => users, 'id', { onDelete: 'cascade' }),
    accessToken: col.text('access_token'),
    refreshToken: col.text('refresh_token'),
    idToken: col.text('id_token'),
    accessTokenExpiresAt: col.time('access_token_expires_at'),
    refreshTokenExpiresAt: col.time('refresh_token_expires_at'),
    scope: col.text('scope'),
    password: col.text('password'),
    createdAt: col.time('created_at').notNull(),
    updatedAt: col.time('updated_at').notNull(),
  },
  (t) => [index('accounts_user_idx').on(t.userId)],
);

export const verifications = tableSpec(
  'verifications',
  {
    id: col.text('id').primaryKey(),
    identifier: col.text('identifier').notNull(),
    value: col.text('value').notNull(),
    expiresAt: col.time('expires_at').notNull(),
    createdAt: col.time('created_at').notNull(),
    updatedAt: col.time('updated_at').notNull(),
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier)],
);

/** API keys: only the key's hash is stored, with its first characters to tell keys apart. */
export const apiKeys = tableSpec(
  'api_keys',
  {
    id: col.text('id').primaryKey(),
    configId: col.text('config_id').notNull().default('default'),
    name: col.text('name'),
    start: col.text('start'),
    /** The owning user's id. */
    referenceId: col
      .text('reference_id')
      .notNull()
      .references(() => users, 'id', { onDelete: 'cascade' }),
    prefix: col.text('prefix'),
    key: col.text('key').notNull(),
    /** Milliseconds. */
    refillInterval: col.int53('refill_interval'),
    refillAmount: col.int('refill_amount'),
    lastRefillAt: col.time('last_refill_at'),
    enabled: col.bool('enabled').default(true),
    rateLimitEnabled: col.bool('rate_limit_enabled').default(true),
    /** Milliseconds. */
    rateLimitTimeWindow: col.int53('rate_limit_time_window'),
    rateLimitMax: col.int('rate_limit_max'),
    requestCount: col.int('request_count').default(0),
    remaining: col.int('remaining'),
    /** When it was last used. */
    lastRequest: col.time('last_request'),
    expiresAt: col.time('expires_at'),
    createdAt: col.time('created_at').notNull(),
    updatedAt: col.time('updated_at').notNull(),
    /** JSON: `{"scopes":["read","generate"]}`. */
    permissions: col.text('permissions'),
    metadata: col.text('metadata'),
  },
  (t) => [
    index('api_keys_key_idx').on(t.key),
    index('api_keys_reference_idx').on(t.referenceId),
    index('api_keys_config_idx').on(t.configId),
  ],
);

/** Security events, append-only; admins read them. */
export const auditEvents = tableSpec(
  'audit_events',
  {
    id: col.text('id').primaryKey(),
    /** Epoch milliseconds. */
    at: col.epochMs('at').notNull(),
    /** Who did it: null when no one is signed in (a failed sign-in, the command line). */
    actorId: col.text('actor_id'),
    kind: col.enum('kind', auditKinds).notNull(),
    /** What it was done to: a user's email, a key's id. */
    subject: col.text('subject'),
    ip: col.text('ip'),
    detail: col.json('detail').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_events_at_idx').on(t.at)],
);

/** A user's monthly spending cap in one price unit (credits, USD, …), set by an admin. */
export const userQuotas = tableSpec(
  'user_quotas',
  {
    userId: col
      .text('user_id')
      .notNull()
      .references(() => users, 'id', { onDelete: 'cascade' }),
    unit: col.text('unit').notNull(),
    monthlyLimit: col.real('monthly_limit').notNull(),
    updatedAt: col.epochMs('updated_at').notNull(),
  },
  (t) => [primaryKey(t.userId, t.unit)],
);

/**
 * Provider keys and options set at runtime by an admin, by the environment variable they
 * stand in for (`KIE_API_KEY`, …). Values are encrypted with the installation's secret.
 */
export const runtimeSettings = tableSpec('runtime_settings', {
  name: col.text('name').primaryKey(),
  /** AES-256-GCM: base64 of iv, tag and ciphertext. */
  encrypted: col.text('encrypted').notNull(),
  /** The last four characters, the only part ever shown back. */
  last4: col.text('last4').notNull(),
  updatedBy: col.text('updated_by'),
  updatedAt: col.epochMs('updated_at').notNull(),
});

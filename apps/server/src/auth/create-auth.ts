import { createHmac } from 'node:crypto';
import { apiKey } from '@better-auth/api-key';
import { findUserRow, findUserRowByEmail, type DataSource } from '@genhub/db';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import { buildEdgePolicy } from '../edge/build-edge-policy';
import type { Env } from '../env';
import { clientIpHeader } from './client-ip-header';
import { recordAudit, type AuditEntry } from './record-audit';

export const apiKeyPrefix = 'gh_';

/**
 * better-auth routes the app does not offer: the API-key plugin's (keys are managed by
 * `account.keys.*`, scopes checked and audited; the server calls the same endpoints through
 * `auth.api`), a password oracle, and profile edits that skip the app's own rules.
 */
const closedRoutes = [
  ...['create', 'get', 'list', 'update', 'delete'].map((verb) => `/api-key/${verb}`),
  '/verify-password',
  '/update-user',
];

/** better-auth routes after which a session may no longer be valid. */
const sessionEnders = new Set([
  '/sign-out',
  '/change-password',
  '/revoke-session',
  '/revoke-sessions',
  '/revoke-other-sessions',
]);

// What a failed sign-in names, for the audit log: as the user account would spell it, bounded.
const signInBody = z.object({ email: z.string().trim().max(254).toLowerCase() }).loose();

export interface CreateAuthOptions {
  /** This installation's secret (the data directory's `secret.key`); cookies are signed with a key derived from it. */
  secret: Buffer;
  log?: Pick<FastifyBaseLogger, 'error' | 'warn' | 'info' | 'debug'>;
  /** Called after a session ends or a password changes (sign-out, revoke, change-password). */
  onSessionsChanged?: () => void;
}

/**
 * better-auth over the app's database (SQLite or PostgreSQL): email and password (no public
 * sign-up: admins create users), sessions in HTTP-only SameSite=Lax cookies, and API keys
 * (`gh_…`, stored hashed, scopes as permissions, optional expiry, last use).
 */
export function createAuth(data: DataSource, env: Env, options: CreateAuthOptions) {
  const policy = buildEdgePolicy(env);
  const secure = env.PUBLIC_BASE_URL?.startsWith('https:') ?? false;
  const log = options.log;
  const audit = (entry: AuditEntry) => data.run((d) => recordAudit(d, entry));
  const { t } = data;
  return betterAuth({
    appName: 'genhub',
    baseURL: env.PUBLIC_BASE_URL,
    basePath: '/api/auth',
    secret: createHmac('sha256', options.secret).update('genhub auth cookies').digest('hex'),
    // The hooks below read and write through the repositories; better-auth's adapter takes the
    // dialect's own builder and tables (PostgreSQL's: real booleans and timestamps).
    database: drizzleAdapter(data.db, {
      provider: data.dialect === 'pg' ? 'pg' : 'sqlite',
      schema: {
        user: t.users,
        session: t.sessions,
        account: t.accounts,
        verification: t.verifications,
        apikey: t.apiKeys,
      },
    }),
    // The edge guard already refused other origins; better-auth repeats the check with the same list.
    trustedOrigins: (request) => [request ? new URL(request.url).origin : null, ...policy.origins],
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    // The plugin's key routes would let a session re-enable a revoked key or mint one with no
    // audit event; see `closedRoutes` for the rest.
    disabledPaths: closedRoutes,
    user: {
      additionalFields: {
        role: { type: 'string', required: false, input: false, defaultValue: 'member' },
        disabled: { type: 'boolean', required: false, input: false, defaultValue: false },
      },
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled user gets no session, whichever way they sign in.
          before: async (session) => {
            const user = await data.run((d) => findUserRow(d, session.userId));
            return user && !user.disabled ? undefined : false;
          },
        },
      },
    },
    hooks: {
      // A disabled user's right password is refused exactly like a wrong one, so the answer
      // does not confirm the password.
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return;
        const email = signInBody.safeParse(ctx.body).data?.email;
        if (email === undefined) return;
        const user = await findUserRowByEmail(data, email);
        if (!user?.disabled) return;
        const ip = ctx.headers?.get(clientIpHeader) ?? null;
        await audit({ kind: 'sign-in-failed', subject: email, ip });
        throw new APIError('UNAUTHORIZED', {
          message: 'Invalid email or password',
          code: 'INVALID_EMAIL_OR_PASSWORD',
        });
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (sessionEnders.has(ctx.path)) options.onSessionsChanged?.();
        if (ctx.path === '/change-password') {
          const session = ctx.context.session;
          if (session && !isAPIError(ctx.context.returned)) {
            await audit({
              kind: 'password-reset',
              actorId: session.user.id,
              subject: session.user.email,
              ip: ctx.headers?.get(clientIpHeader) ?? null,
              detail: { by: 'self' },
            });
          }
          return;
        }
        if (ctx.path !== '/sign-in/email') return;
        const email = signInBody.safeParse(ctx.body).data?.email ?? null;
        const ip = ctx.headers?.get(clientIpHeader) ?? null;
        const signedIn = ctx.context.newSession;
        await audit(
          signedIn
            ? { kind: 'sign-in', actorId: signedIn.user.id, subject: signedIn.user.email, ip }
            : { kind: 'sign-in-failed', subject: email, ip },
        );
      }),
    },
    advanced: {
      cookiePrefix: 'genhub',
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      ipAddress: { ipAddressHeaders: [clientIpHeader] },
    },
    // Request limits are the server's own (@fastify/rate-limit), with the app's answers.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: log
      ? {
          level: 'warn',
          log: (level, message) => {
            // Without PUBLIC_BASE_URL the origin comes from the request, whose Host the edge
            // guard checked: what this warning fears is handled, so it would only be noise.
            if (!env.PUBLIC_BASE_URL && /Base URL is not set/.test(message)) return;
            if (level === 'error') log.error(message);
            else if (level === 'warn') log.warn(message);
            else if (level === 'info') log.info(message);
            else log.debug(message);
          },
        }
      : { level: 'error' },
    plugins: [
      apiKey({
        defaultPrefix: apiKeyPrefix,
        // The prefix and a few characters, to tell keys apart in a list.
        startingCharactersConfig: { shouldStore: true, charactersLength: apiKeyPrefix.length + 6 },
        // Request limits are the server's own (per user and key), not a per-key daily count.
        rateLimit: { enabled: false },
        keyExpiration: { defaultExpiresIn: null, minExpiresIn: 1, maxExpiresIn: 3650 },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** Who a limit counts: the caller (signed-in user, else address), or always the address. */
export type RateLimitSubject = 'caller' | 'address';

export interface RateLimitRule {
  /** The variable that overrides `perMinute` (0 turns the limit off). */
  variable: 'RATE_LIMIT_SIGN_IN' | 'RATE_LIMIT_TASKS' | 'RATE_LIMIT_PLANS' | 'RATE_LIMIT_UPLOADS';
  perMinute: number;
  per: RateLimitSubject;
  /** What is counted, for the refusal's message. */
  counts: string;
  /** Plain routes, by method and the route Fastify matched (`wildcard` tests a `*` route's tail). */
  routes: readonly { method: string; url: string; wildcard?: RegExp }[];
  /** tRPC procedures, over HTTP (each call of a batch) and over the WebSocket alike. */
  procedures: readonly string[];
}

/**
 * Every request limit in one place. Each is a count per minute, kept in this process's memory
 * (a restart forgets it), or with `CLUSTER=true` in the shared database, so that instances count
 * together. One counter per rule, so a user's sessions and API keys share an allowance (minting
 * keys does not multiply it); the plan rule's procedures share one too.
 */
export const rateLimitRules = {
  signIn: {
    variable: 'RATE_LIMIT_SIGN_IN',
    perMinute: 10,
    per: 'address',
    counts: 'sign-in attempts',
    routes: [
      // Any spelling better-auth might route to a sign-in endpoint, or to one that checks a
      // password (a stolen session must not be able to guess the account's password).
      {
        method: 'POST',
        url: '/api/auth/*',
        wildcard: /(^|\/)(sign-in|change-password)(\/|$)/i,
      },
      { method: 'POST', url: '/api/setup' },
    ],
    procedures: [],
  },
  tasks: {
    variable: 'RATE_LIMIT_TASKS',
    perMinute: 60,
    per: 'caller',
    counts: 'tasks created',
    // The OpenAI-compatible images API creates one task a request.
    routes: [
      { method: 'POST', url: '/v1/images/generations' },
      { method: 'POST', url: '/v1/images/edits' },
    ],
    procedures: ['task.create'],
  },
  plans: {
    variable: 'RATE_LIMIT_PLANS',
    perMinute: 10,
    per: 'caller',
    counts: 'plans created',
    routes: [],
    procedures: ['plan.create', 'plan.batchEdit'],
  },
  uploads: {
    variable: 'RATE_LIMIT_UPLOADS',
    perMinute: 60,
    per: 'caller',
    counts: 'uploads',
    routes: [{ method: 'POST', url: '/api/assets' }],
    procedures: [],
  },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitName = keyof typeof rateLimitRules;

/** The window every limit counts over. */
export const rateLimitWindowMs = 60_000;

import { resolve } from 'node:path';
import { z } from 'zod';
import { parseAllowedHost, parsePriceOverrides, readModelsFile } from '@genhub/core';
import { commaList } from './edge/comma-list';
import { trustProxySetting } from './edge/trust-proxy-setting';
import { parseHostName } from './edge/parse-host-name';
import { parseOrigin } from './edge/parse-origin';
import { perMinuteVariable } from './limits/per-minute-variable';
import { rateLimitRules } from './limits/rate-limits';
import { s3ConfigurationProblem } from './storage/s3-configuration-problem';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** The built SPA to serve; absent means the one built next to the server (apps/web/dist). */
  WEB_DIST: z.string().min(1).optional(),
  /**
   * Encrypts the provider keys admins set while the server runs (a key is derived from it with
   * HKDF); absent: derived from the data directory's secret.key instead.
   */
  SECRET_KEY: z
    .string()
    .min(16, 'use at least 16 random characters, e.g. the output of `openssl rand -base64 32`')
    .optional(),
  /** Where providers can reach this server; absent means they cannot. */
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Origins besides the app's own that may change data or open a WebSocket, comma-separated. */
  ALLOWED_ORIGINS: commaList(parseOrigin, 'an http(s) origin such as https://studio.example:8443'),
  /** Host names besides localhost, HOST and PUBLIC_BASE_URL's that requests may be sent to. */
  ALLOWED_HOSTS: commaList(parseHostName, 'a host name without a port, such as genhub.lan'),
  TRUST_PROXY: trustProxySetting,
  /**
   * Lets a scraper read /metrics from anywhere with `Authorization: Bearer <token>`; absent,
   * /metrics answers only requests made on this machine.
   */
  METRICS_TOKEN: z
    .string()
    .min(16, 'use at least 16 random characters, e.g. the output of `openssl rand -base64 32`')
    .optional(),
  LOCAL_PROVIDER_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(1500),
  /** Share of the local provider's attempts that fail as an outage, to watch retries (0–1). */
  LOCAL_PROVIDER_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),
  PROVIDER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /**
   * Other genhub processes on this host use the same DATA_DIR: events, claims, leases and
   * signals then go through the shared database so that each one sees the others' work.
   */
  CLUSTER: z.stringbool().default(false),
  /** How often a clustered instance looks in the shared database for the others' changes. */
  CLUSTER_POLL_MS: z.coerce.number().int().min(5).max(5000).default(25),
  /**
   * How long a clustered instance's claim on a running task holds without renewal (renewed
   * every third of it); an instance that stops renewing loses its tasks to the others.
   */
  CLUSTER_LEASE_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** The most pixels any image may decode to (uploads, provider results, local operations). */
  MAX_IMAGE_PIXELS: z.coerce.number().int().min(1_000_000).max(268_402_689).default(50_000_000),
  /** The largest video a provider may hand over, in bytes (it streams to disk, never to memory). */
  MAX_VIDEO_BYTES: z.coerce
    .number()
    .int()
    .min(1024 * 1024)
    .max(64 * 1024 * 1024 * 1024)
    .default(512 * 1024 * 1024),
  /** The ffmpeg that takes a video's poster from its first frame; `off` draws a neutral one. */
  FFMPEG_PATH: z
    .string()
    .min(1)
    .default('ffmpeg')
    .transform((path) => (path === 'off' ? null : path)),
  /** Threads for the local engine's JavaScript pixel loops (background removal, style transfer). */
  IMAGE_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  /** Finished tasks older than this many days are deleted; absent keeps them forever. */
  RETENTION_DAYS: z.coerce.number().positive().max(36_500).optional(),
  /** Failed and canceled tasks are deleted after this many hours (the seeds' 24). */
  FAILED_RETENTION_HOURS: z.coerce.number().positive().max(876_000).default(24),
  /** What was moved to the trash is deleted for good after this many days. */
  TRASH_RETENTION_DAYS: z.coerce.number().positive().max(36_500).default(30),
  /**
   * Refused for now: only part of the data layer runs on PostgreSQL yet, and starting on the
   * embedded database while the operator asked for another would hide that.
   */
  DATABASE_URL: z
    .never({
      error:
        'this version cannot keep its data in PostgreSQL yet; unset DATABASE_URL to use the embedded SQLite database in DATA_DIR',
    })
    .optional(),
  /** An S3-compatible store for the files (with the bucket and keys below); absent: DATA_DIR/files. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'a bucket name: 3–63 lower-case letters, digits, dots and hyphens',
    )
    .optional(),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]{1,32}$/, 'a region such as us-east-1 (R2: auto)')
    .default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Where browsers fetch the files straight from the store; absent: this server serves them. */
  S3_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Bytes queued for one WebSocket past which it is disconnected (it resumes by lastEventId). */
  WS_MAX_BUFFERED_BYTES: z.coerce
    .number()
    .int()
    .min(256 * 1024)
    .max(1024 * 1024 * 1024)
    .default(4 * 1024 * 1024),
  /** A WebSocket that reads nothing for this long while events wait for it is disconnected. */
  WS_STALL_TIMEOUT_MS: z.coerce.number().int().min(500).max(3_600_000).default(30_000),
  /** How often a WebSocket that only listens has its credentials looked at again. */
  WS_CREDENTIALS_RECHECK_MS: z.coerce.number().int().min(200).max(3_600_000).default(30_000),
  /** Subscriptions one WebSocket connection may hold at once. */
  WS_MAX_SUBSCRIPTIONS: z.coerce.number().int().min(1).max(1000).default(16),
  /** WebSocket connections one client address may hold at once (behind a proxy: all of them). */
  WS_MAX_CONNECTIONS_PER_CLIENT: z.coerce.number().int().min(1).max(100_000).default(32),
  /** Subscriptions catching up from the event log at once, server-wide; more wait their turn. */
  EVENT_REPLAY_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(8),
  /** Subscriptions that may wait for a replay slot; past them a replay gets TOO_MANY_REQUESTS. */
  EVENT_REPLAY_QUEUE: z.coerce.number().int().min(0).max(100_000).default(256),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  KIE_API_KEY: z.string().min(1).optional(),
  KIE_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.kie.ai'),
  KIE_UPLOAD_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://kieai.redpandaai.co'),
  /** When set, KIE callbacks must carry a valid X-Webhook-Signature. */
  KIE_WEBHOOK_HMAC_KEY: z.string().min(1).optional(),
  OPENROUTER_API_KEY: z.string().min(1).optional(),
  OPENROUTER_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://openrouter.ai/api/v1'),
  /** OpenRouter's app attribution: HTTP-Referer (defaults to PUBLIC_BASE_URL) and X-Title. */
  OPENROUTER_SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
  OPENROUTER_APP_NAME: z
    .string()
    .max(100)
    .regex(/^[\x20-\x7e]+$/, 'use printable ASCII: an HTTP header cannot carry other characters')
    .default('genhub'),
  GEMINI_API_KEY: z.string().min(1).optional(),
  GEMINI_BASE_URL: z
    .url({ protocol: /^https?$/ })
    .default('https://generativelanguage.googleapis.com'),
  FAL_KEY: z.string().min(1).optional(),
  FAL_QUEUE_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://queue.fal.run'),
  /** fal's REST API: large reference images are uploaded to its CDN through it. */
  FAL_REST_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://rest.alpha.fal.ai'),
  FAL_JWKS_URL: z
    .url({ protocol: /^https?$/ })
    .default('https://rest.alpha.fal.ai/.well-known/jwks.json'),
  REPLICATE_API_TOKEN: z.string().min(1).optional(),
  REPLICATE_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.replicate.com'),
  REPLICATE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  NANOBANANA_API_KEY: z.string().min(1).optional(),
  NANOBANANA_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.nanobanana.ai/v1'),
  /** `provider/model[:operation]=amount [unit]; …`: list prices that replace the built-in ones. */
  PRICE_OVERRIDES: z
    .string()
    .default('')
    .transform((text, ctx) => {
      try {
        return parsePriceOverrides(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** A JSON file of models to add or change (capabilities, price, retirement) and default models. */
  MODELS_FILE: z
    .string()
    .optional()
    .transform((path, ctx) => {
      if (path === undefined) return null;
      try {
        return readModelsFile(path);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** `amount unit; …`, e.g. `500 credits; 20 USD`: caps on each month's spend per unit. */
  MONTHLY_BUDGET: z
    .string()
    .default('')
    .transform((text, ctx) => {
      const caps = new Map<string, number>();
      for (const entry of text
        .split(/[;,\n]/)
        .map((e) => e.trim())
        .filter(Boolean)) {
        const match = /^(\d+(?:\.\d+)?)\s+(.+)$/.exec(entry);
        if (!match?.[1] || !match[2]) {
          ctx.addIssue({ code: 'custom', message: `"${entry}" is not "amount unit"` });
          return z.NEVER;
        }
        caps.set(match[2].trim(), Number(match[1]));
      }
      return caps;
    }),
  /** `host:port` pairs result downloads may reach over plain http or on private addresses: tests only. */
  INGEST_ALLOW_HOSTS: commaList(
    parseAllowedHost,
    'a host:port pair such as 127.0.0.1:4010 (a whole host is never allowed)',
  ),
  /** `host:port` pairs outgoing webhooks may reach over plain http or on private addresses: tests only. */
  WEBHOOK_ALLOW_HOSTS: commaList(
    parseAllowedHost,
    'a host:port pair such as 127.0.0.1:4020 (a whole host is never allowed)',
  ),
  /** How long one webhook attempt may take, connect to last byte, before it counts as failed. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Sign-in and onboarding attempts a minute per client address (`10/min` or `10`; 0: off). */
  RATE_LIMIT_SIGN_IN: perMinuteVariable(rateLimitRules.signIn.perMinute),
  /** `task.create` calls and `/v1/images/*` requests a minute per user (address when signed out). */
  RATE_LIMIT_TASKS: perMinuteVariable(rateLimitRules.tasks.perMinute),
  /** `plan.create` and `plan.batchEdit` calls a minute per user, together. */
  RATE_LIMIT_PLANS: perMinuteVariable(rateLimitRules.plans.perMinute),
  /** `POST /api/assets` uploads a minute per user. */
  RATE_LIMIT_UPLOADS: perMinuteVariable(rateLimitRules.uploads.perMinute),
  /** How long `POST /v1/images/*` waits for its task; past it, 504 and the task runs on. */
  OPENAI_API_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  /**
   * `provider` or `provider/model` that `/v1/images/*` runs when the request names no model or
   * an OpenAI alias (`gpt-image-1`, `dall-e-3`, …); absent: the local provider's default.
   */
  OPENAI_DEFAULT_MODEL: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]*(\/\S+)?$/,
      'write `provider` or `provider/model`, e.g. kie/nano-banana-2',
    )
    .optional(),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string };

/** Each variable's own rule, for the provider keys an admin sets while the server runs. */
export const envVariableSchemas = envSchema.shape;

export class EnvError extends Error {
  override readonly name = 'EnvError';
}

/** The only reader of the environment: validated once, with messages naming each bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const blankless = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = envSchema.safeParse(blankless);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const s3Problem = s3ConfigurationProblem(result.data);
  if (s3Problem) throw new EnvError(`Invalid configuration:\n  ${s3Problem}`);
  return { ...result.data, dataDir: resolve(result.data.DATA_DIR) };
}

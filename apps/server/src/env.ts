import { resolve } from 'node:path';
import { z } from 'zod';
import { parsePriceOverrides } from '@genhub/core';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Where providers can reach this server; absent means they cannot. */
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  LOCAL_PROVIDER_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(1500),
  /** Share of the local provider's attempts that fail as an outage, to watch retries (0–1). */
  LOCAL_PROVIDER_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),
  PROVIDER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Finished tasks older than this many days are deleted; absent keeps them forever. */
  RETENTION_DAYS: z.coerce.number().positive().max(36_500).optional(),
  /** Failed and canceled tasks are deleted after this many hours (the seeds' 24). */
  FAILED_RETENTION_HOURS: z.coerce.number().positive().max(876_000).default(24),
  /** What was moved to the trash is deleted for good after this many days. */
  TRASH_RETENTION_DAYS: z.coerce.number().positive().max(36_500).default(30),
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
  /** Hosts result downloads may reach over plain http or on private addresses: tests only. */
  INGEST_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean),
    ),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string };

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
  return { ...result.data, dataDir: resolve(result.data.DATA_DIR) };
}

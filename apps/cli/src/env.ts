import { z } from 'zod';

/** An unset and an empty variable mean the same: not given. */
const optional = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const envSchema = z.object({
  /** The server, over the stored login's. */
  GENHUB_URL: optional,
  /** An API key, over the stored login's. */
  GENHUB_API_KEY: optional,
  /** Where the login is kept, over the platform's config directory. */
  GENHUB_CONFIG_DIR: optional,
  XDG_CONFIG_HOME: optional,
  /** Any value: no colours. */
  NO_COLOR: optional,
  APPDATA: optional,
});

export type CliEnv = z.output<typeof envSchema>;

/** The only place the command line reads the environment. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): CliEnv {
  return envSchema.parse(source);
}

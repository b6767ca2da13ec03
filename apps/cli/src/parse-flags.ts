import type { z } from 'zod';
import { usageError } from './cli-error';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Commander's options, checked and typed; a wrong one is a usage error naming the flag. */
export function parseFlags<S extends z.ZodType>(schema: S, options: unknown): z.output<S> {
  const parsed = schema.safeParse(options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const flag = typeof issue?.path[0] === 'string' ? `--${kebab(issue.path[0])}: ` : '';
  throw usageError(`${flag}${issue?.message ?? 'invalid option'}`);
}

import { randomBytes } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { passwordSchema } from '@genhub/api';
import { UsageError } from './parse-admin-args';

/**
 * The password to set: the option's, else the first line of stdin (`--password-stdin`),
 * else a new random one (`generated`, to be printed).
 */
export async function readPassword(options: {
  password?: string | undefined;
  'password-stdin'?: boolean | undefined;
}): Promise<{ password: string; generated: boolean }> {
  if (options.password !== undefined && options['password-stdin']) {
    throw new UsageError('Give --password or --password-stdin, not both');
  }
  if (options.password !== undefined) return { password: options.password, generated: false };
  if (options['password-stdin']) {
    const line = (await text(process.stdin)).split(/\r?\n/, 1)[0] ?? '';
    const parsed = passwordSchema.safeParse(line);
    if (!parsed.success)
      throw new UsageError(`--password-stdin: ${parsed.error.issues[0]?.message}`);
    return { password: parsed.data, generated: false };
  }
  return { password: randomBytes(18).toString('base64url'), generated: true };
}

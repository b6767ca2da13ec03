import { parseArgs } from 'node:util';
import { z } from 'zod';
import { emailSchema, nameSchema, passwordSchema, scopeSchema } from '@genhub/api';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const passwordSource = {
  password: passwordSchema.optional(),
  'password-stdin': z.boolean().optional(),
};

const commands = {
  'create-user': z.object({
    email: emailSchema,
    name: nameSchema.optional(),
    admin: z.boolean().optional(),
    ...passwordSource,
  }),
  'reset-password': z.object({ email: emailSchema, ...passwordSource }),
  'create-key': z.object({
    email: emailSchema,
    name: z.string().trim().min(1).max(32),
    scopes: z
      .string()
      .default('read,generate')
      .transform((list) => list.split(',').map((s) => s.trim()))
      .pipe(z.array(scopeSchema).min(1)),
    'expires-days': z.coerce.number().int().min(1).max(3650).optional(),
  }),
};

export type AdminCommand = {
  [K in keyof typeof commands]: { command: K; options: z.infer<(typeof commands)[K]> };
}[keyof typeof commands];

const isCommand = (name: string | undefined): name is keyof typeof commands =>
  name !== undefined && Object.hasOwn(commands, name);

function readArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        admin: { type: 'boolean' },
        password: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        scopes: { type: 'string' },
        'expires-days': { type: 'string' },
      },
    });
  } catch (error) {
    // node:util's own refusals (an unknown option, a missing value) say what is wrong.
    throw new UsageError((error as Error).message);
  }
}

/** The command and its options, validated; a `UsageError` saying what is wrong otherwise. */
export function parseAdminArgs(argv: string[]): AdminCommand {
  const { positionals, values } = readArgs(argv);
  const [name, ...extra] = positionals;
  if (!isCommand(name))
    throw new UsageError(name ? `Unknown command "${name}"` : 'No command given');
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra.join(' ')}"`);
  const parsed = commands[name].strict().safeParse(values);
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues.map((i) => `--${i.path.join('.') || name}: ${i.message}`).join('; '),
    );
  }
  // The schema picked by `name` parsed these options, so the pair matches.
  return { command: name, options: parsed.data } as AdminCommand;
}

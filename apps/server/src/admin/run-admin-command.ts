import type { DataSource } from '@genhub/db';
import type { Auth } from '../auth/create-auth';
import { createKey } from '../auth/create-key';
import { createUser } from '../auth/create-user';
import { findUserByEmail } from '../auth/find-user-by-email';
import { setPassword } from '../auth/set-password';
import { needsAdmin, setupFirstAdmin } from '../auth/setup-first-admin';
import { UsageError, type AdminCommand } from './parse-admin-args';
import { readPassword } from './read-password';

/** The command line acts as no one in the audit log: it needs the data directory, not a sign-in. */
const commandLine = { actorId: null, ip: null };

/** Runs one admin command on the database; returns the lines to print. */
export async function runAdminCommand(
  auth: Auth,
  data: DataSource,
  parsed: AdminCommand,
): Promise<string[]> {
  switch (parsed.command) {
    case 'create-user': {
      const { options } = parsed;
      const role = options.admin ? 'admin' : 'member';
      // A member first would close onboarding with no one to run the server.
      if (role === 'member' && (await needsAdmin(data))) {
        throw new UsageError('The first user must be the admin: add --admin');
      }
      const { password, generated } = await readPassword(options);
      const name = options.name ?? options.email.split('@')[0] ?? options.email;
      // The first admin, made here instead of by onboarding, also gets what was made before.
      const user =
        role === 'admin' && (await needsAdmin(data))
          ? await setupFirstAdmin(auth, data, { email: options.email, name, password }, null)
          : await createUser(
              auth,
              data,
              { email: options.email, name, password, role },
              commandLine,
            );
      return [
        `created ${role} ${user.email} (${user.id})`,
        ...(generated ? [`password: ${password}`] : []),
      ];
    }
    case 'reset-password': {
      const { options } = parsed;
      const { password, generated } = await readPassword(options);
      const user = await findUserByEmail(data, options.email);
      await setPassword(auth, data, { user, password }, commandLine);
      return [
        `password reset for ${options.email}; their sessions were ended`,
        ...(generated ? [`password: ${password}`] : []),
      ];
    }
    case 'create-key': {
      const { options } = parsed;
      const user = await findUserByEmail(data, options.email);
      const created = await createKey(
        auth,
        data,
        {
          userId: user.id,
          name: options.name,
          scopes: options.scopes,
          expiresInDays: options['expires-days'] ?? null,
        },
        commandLine,
      );
      return [
        `created key ${created.id} for ${user.email} (scopes ${options.scopes.join(',')}${
          created.expiresAt ? `, expires ${created.expiresAt.toISOString()}` : ''
        }); it is shown only now:`,
        created.key,
      ];
    }
  }
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../account/viewer-context';
import { errorMessage } from '../lib/error-message';
import { useTRPC } from '../trpc';
import { fresh } from './fresh';
import { CreateUserForm } from './create-user-form';
import { quotaUnits } from './quota-units';
import { alert, card, headCell, muted, table } from './settings-styles';
import { UserRow } from './user-row';

/** Admins: everyone who may sign in, and adding someone. */
export function UsersSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const viewer = useViewer();
  const users = useQuery(trpc.admin.users.list.queryOptions(undefined, fresh));
  const providers = useQuery(trpc.provider.list.queryOptions());
  const units = quotaUnits(
    providers.data ?? [],
    (users.data ?? []).flatMap((u) => u.quotas.map((q) => q.unit)),
  );
  return (
    <section aria-labelledby="users-heading" className={card}>
      <h2 id="users-heading" className="text-lg font-semibold">
        {t('settings.users.heading')}
      </h2>
      <p className={muted}>{t('settings.users.intro')}</p>
      {users.isPending && <p>{t('gallery.loading')}</p>}
      {users.isError && (
        <p role="alert" className={alert}>
          {errorMessage(users.error)}
        </p>
      )}
      {users.data && (
        <div className="overflow-x-auto">
          <table className={table} data-testid="users">
            <thead>
              <tr>
                <th className={headCell}>{t('settings.users.person')}</th>
                <th className={headCell}>{t('settings.users.role')}</th>
                <th className={headCell}>{t('settings.users.status')}</th>
                <th className={headCell}>{t('settings.users.quota')}</th>
                <th className={headCell}>{t('settings.users.since')}</th>
                <th className={headCell}>
                  <span className="sr-only">{t('settings.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  self={user.id === viewer?.user.id}
                  units={units}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateUserForm />
    </section>
  );
}

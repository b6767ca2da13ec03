import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountField } from '../account/account-field';
import { fieldClass, inputClass, TextFields } from '../account/text-field';
import { useTextForm } from '../account/use-text-form';
import { useTRPC } from '../trpc';
import { ErrorAlert } from './error-alert';
import { muted, primaryButton } from './settings-styles';
import { useRefreshUsers } from './use-refresh-users';

type Role = 'admin' | 'member';

/** An admin adds someone: their email, name, first password and role. */
export function CreateUserForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  const form = useTextForm([
    accountField('email', t('account.email'), 'off'),
    accountField('name', t('account.name'), 'off'),
    accountField('password', t('settings.users.firstPassword'), 'new-password'),
  ]);
  const [role, setRole] = useState<Role>('member');
  const create = useMutation(
    trpc.admin.users.create.mutationOptions({
      onSuccess: () => {
        form.clear();
        setRole('member');
        return refresh();
      },
    }),
  );
  return (
    <form
      noValidate
      aria-labelledby="create-user-heading"
      data-testid="create-user-form"
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!form.send()) return;
        const { valueOf } = form;
        create.mutate({
          email: valueOf('email').trim(),
          name: valueOf('name').trim(),
          password: valueOf('password'),
          role,
        });
      }}
    >
      <h3 id="create-user-heading" className="font-semibold">
        {t('settings.users.create')}
      </h3>
      <p className={muted}>{t('settings.users.createHint')}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextFields fields={form.fields} />
        <label className={fieldClass}>
          {t('settings.users.role')}
          <select
            value={role}
            onChange={(e) => setRole(e.target.value === 'admin' ? 'admin' : 'member')}
            className={inputClass}
          >
            <option value="member">{t('account.roles.member')}</option>
            <option value="admin">{t('account.roles.admin')}</option>
          </select>
        </label>
      </div>
      {create.isError && <ErrorAlert error={create.error} />}
      {create.isSuccess && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {t('settings.users.created', { email: create.variables.email })}
        </p>
      )}
      <button type="submit" disabled={create.isPending} className={`${primaryButton} self-start`}>
        {t('settings.users.createButton')}
      </button>
    </form>
  );
}

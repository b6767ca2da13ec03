import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emailProblem, nameProblem, passwordProblem } from '../account/account-validation';
import { fieldClass, inputClass, TextField } from '../account/text-field';
import { errorMessage } from '../lib/error-message';
import { useTRPC } from '../trpc';
import { alert, muted, primaryButton } from './settings-styles';
import { useRefreshUsers } from './use-refresh-users';

type Role = 'admin' | 'member';

/** An admin adds someone: their email, name, first password and role. */
export function CreateUserForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [sent, setSent] = useState(false);
  // A new round of fields after each person added: none of them left, none with a problem shown.
  const [round, setRound] = useState(0);
  const create = useMutation(
    trpc.admin.users.create.mutationOptions({
      onSuccess: () => {
        setEmail('');
        setName('');
        setPassword('');
        setRole('member');
        setSent(false);
        setRound((r) => r + 1);
        return refresh();
      },
    }),
  );
  const problems = [emailProblem(email), nameProblem(name), passwordProblem(password)] as const;
  return (
    <form
      noValidate
      aria-labelledby="create-user-heading"
      data-testid="create-user-form"
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        setSent(true);
        if (problems.some((p) => p !== null)) return;
        create.mutate({ email: email.trim(), name: name.trim(), password, role });
      }}
    >
      <h3 id="create-user-heading" className="font-semibold">
        {t('settings.users.create')}
      </h3>
      <p className={muted}>{t('settings.users.createHint')}</p>
      <div key={round} className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t('account.email')}
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
          problem={problems[0]}
          showProblem={sent}
        />
        <TextField
          label={t('account.name')}
          autoComplete="off"
          value={name}
          onChange={setName}
          problem={problems[1]}
          showProblem={sent}
        />
        <TextField
          label={t('settings.users.firstPassword')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          problem={problems[2]}
          showProblem={sent}
        />
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
      {create.isError && (
        <p role="alert" className={alert}>
          {errorMessage(create.error)}
        </p>
      )}
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

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordProblem } from '../account/account-validation';
import { TextField } from '../account/text-field';
import { errorMessage } from '../lib/error-message';
import { useTRPC } from '../trpc';
import { alert, button, primaryButton } from './settings-styles';

/** A new password for someone who lost theirs; tell it to them yourself. */
export function ResetPasswordForm({
  user,
  onDone,
}: {
  user: { id: string; email: string };
  /** `true` once the new password is set; `false` on Cancel. */
  onDone: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [password, setPassword] = useState('');
  const [sent, setSent] = useState(false);
  const reset = useMutation(
    trpc.admin.users.resetPassword.mutationOptions({ onSuccess: () => onDone(true) }),
  );
  const problem = passwordProblem(password);
  return (
    <form
      noValidate
      aria-label={t('settings.users.resetFor', { email: user.email })}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        setSent(true);
        if (problem === null) reset.mutate({ id: user.id, password });
      }}
    >
      <TextField
        label={t('settings.users.newPassword')}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        problem={problem}
        showProblem={sent}
      />
      <button type="submit" disabled={reset.isPending} className={primaryButton}>
        {t('settings.users.setPassword')}
      </button>
      <button type="button" className={button} onClick={() => onDone(false)}>
        {t('settings.cancel')}
      </button>
      {reset.isError && (
        <p role="alert" className={`${alert} w-full`}>
          {errorMessage(reset.error)}
        </p>
      )}
    </form>
  );
}

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emailProblem, type FieldProblem } from './account-validation';
import { AuthCard, submitClass } from './auth-card';
import { authErrorMessage } from './auth-error-message';
import { signIn } from './sign-in';
import { TextField } from './text-field';

/** Email and password; on success `onSignedIn` lets the app in. */
export function SignInScreen({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sent, setSent] = useState(false);
  const send = useMutation({
    mutationFn: async () => {
      await signIn({ email: email.trim(), password });
      await onSignedIn();
    },
  });
  const problems: Record<'email' | 'password', FieldProblem | null> = {
    email: emailProblem(email),
    password: password === '' ? 'required' : null,
  };
  return (
    <AuthCard
      testId="sign-in"
      heading={t('account.signIn.heading')}
      onSubmit={() => {
        setSent(true);
        if (!problems.email && !problems.password) send.mutate();
      }}
    >
      <TextField
        label={t('account.email')}
        type="email"
        autoComplete="username"
        autoFocus
        value={email}
        onChange={setEmail}
        problem={problems.email}
        showProblem={sent}
      />
      <TextField
        label={t('account.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        problem={problems.password}
        showProblem={sent}
      />
      {send.isError && (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {authErrorMessage(send.error, t)}
        </p>
      )}
      <button type="submit" disabled={send.isPending} className={submitClass}>
        {send.isPending ? t('account.signIn.sending') : t('account.signIn.submit')}
      </button>
      <p className="text-xs text-stone-600 dark:text-stone-400">{t('account.signIn.forgot')}</p>
    </AuthCard>
  );
}

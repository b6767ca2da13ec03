import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emailProblem, nameProblem, passwordProblem, repeatProblem } from './account-validation';
import { AuthCard, submitClass } from './auth-card';
import { authErrorMessage } from './auth-error-message';
import { createAdmin } from './create-admin';
import { TextField } from './text-field';

/** First run: the person installing genhub becomes its admin. */
export function OnboardingScreen({ onCreated }: { onCreated: () => Promise<void> }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [sent, setSent] = useState(false);
  const send = useMutation({
    mutationFn: async () => {
      await createAdmin({ email: email.trim(), name: name.trim(), password });
      await onCreated();
    },
  });
  const problems = [
    emailProblem(email),
    nameProblem(name),
    passwordProblem(password),
    repeatProblem(password, repeat),
  ] as const;
  const field = (index: 0 | 1 | 2 | 3) => ({ problem: problems[index], showProblem: sent });
  return (
    <AuthCard
      testId="onboarding"
      heading={t('account.onboarding.heading')}
      intro={t('account.onboarding.intro')}
      onSubmit={() => {
        setSent(true);
        if (problems.every((p) => p === null)) send.mutate();
      }}
    >
      <TextField
        label={t('account.email')}
        type="email"
        autoComplete="username"
        autoFocus
        value={email}
        onChange={setEmail}
        {...field(0)}
      />
      <TextField
        label={t('account.name')}
        autoComplete="name"
        value={name}
        onChange={setName}
        {...field(1)}
      />
      <TextField
        label={t('account.password')}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        {...field(2)}
      />
      <TextField
        label={t('account.repeatPassword')}
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={setRepeat}
        {...field(3)}
      />
      {send.isError && (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {authErrorMessage(send.error, t)}
        </p>
      )}
      <button type="submit" disabled={send.isPending} className={submitClass}>
        {send.isPending ? t('account.onboarding.sending') : t('account.onboarding.submit')}
      </button>
    </AuthCard>
  );
}

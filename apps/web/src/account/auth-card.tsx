import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/language-switch';
import { authErrorMessage } from './auth-error-message';
import { LogoMark } from './logo-mark';

const submitClass =
  'rounded-lg bg-amber-400 px-4 py-2 font-semibold text-stone-950 hover:bg-amber-300 disabled:cursor-not-allowed disabled:opacity-50';

/**
 * The frame of the signed-out screens: the app's name, a heading, and the form. Sending checks
 * the fields first; the send's progress shows on the submit button, its refusal above it. The
 * heading and button texts come from `account.<texts>`.
 */
export function AuthCard({
  testId,
  texts,
  intro,
  form,
  send,
  children,
  footer,
}: {
  testId: string;
  texts: 'onboarding' | 'signIn';
  intro?: string;
  /** Marks the fields sent; `true` when they are fine to send. */
  form: { send: () => boolean };
  send: { isPending: boolean; isError: boolean; error: unknown; mutate: () => void };
  children: ReactNode;
  /** Below the submit button. */
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 p-4">
      <div className="flex w-full max-w-sm items-center justify-between">
        <p className="flex items-center text-xl font-bold">
          <LogoMark className="mr-2 size-5" />
          {t('app.title')}
        </p>
        <LanguageSwitch />
      </div>
      <form
        noValidate
        data-testid={testId}
        aria-labelledby={`${testId}-heading`}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (form.send()) send.mutate();
        }}
        className="flex w-full max-w-sm flex-col gap-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm dark:border-stone-800 dark:bg-stone-900"
      >
        <h1 id={`${testId}-heading`} className="text-lg font-semibold">
          {t(`account.${texts}.heading`)}
        </h1>
        {intro && <p className="text-sm text-stone-600 dark:text-stone-400">{intro}</p>}
        {children}
        {send.isError && (
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
            {authErrorMessage(send.error, t)}
          </p>
        )}
        <button type="submit" disabled={send.isPending} className={submitClass}>
          {t(send.isPending ? `account.${texts}.sending` : `account.${texts}.submit`)}
        </button>
        {footer}
      </form>
    </main>
  );
}

import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/language-switch';
import { LogoMark } from './logo-mark';

/** The frame of the signed-out screens: the app's name, a heading, and a form. */
export function AuthCard({
  heading,
  intro,
  onSubmit,
  testId,
  children,
}: {
  heading: string;
  intro?: string;
  onSubmit: () => void;
  testId: string;
  children: ReactNode;
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
          onSubmit();
        }}
        className="flex w-full max-w-sm flex-col gap-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm dark:border-stone-800 dark:bg-stone-900"
      >
        <h1 id={`${testId}-heading`} className="text-lg font-semibold">
          {heading}
        </h1>
        {intro && <p className="text-sm text-stone-600 dark:text-stone-400">{intro}</p>}
        {children}
      </form>
    </main>
  );
}

export const submitClass =
  'rounded-lg bg-amber-400 px-4 py-2 font-semibold text-stone-950 hover:bg-amber-300 disabled:cursor-not-allowed disabled:opacity-50';

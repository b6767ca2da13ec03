import { useQuery } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message';
import { fetchSetup, setupQueryKey } from './fetch-setup';
import { allowLiveConnection } from './live-connection-gate';
import { OnboardingScreen } from './onboarding-screen';
import { SignInScreen } from './sign-in-screen';
import { SignedOut } from './signed-out';
import { useSessionActions } from './use-session-actions';
import { useUnauthorizedWatch } from './use-unauthorized-watch';
import { ViewerContext } from './viewer-context';

/**
 * Nothing of the app until someone is signed in: onboarding while the server has no admin,
 * then the sign-in screen; back to it whenever a call finds the session gone.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSessionActions();
  const setup = useQuery({ queryKey: setupQueryKey, queryFn: fetchSetup, staleTime: Infinity });
  const viewer = useQuery({ ...session.viewer, enabled: setup.data?.needsAdmin === false });
  useUnauthorizedWatch(session.end);
  const signedIn = !!viewer.data;
  useEffect(() => {
    if (signedIn) allowLiveConnection();
  }, [signedIn]);

  const failed = setup.error ?? viewer.error;
  if (failed) {
    return (
      <main className="flex min-h-screen flex-col items-center justify-center gap-3 p-4">
        <p role="alert">{t('account.unreachableDetail', { message: errorMessage(failed) })}</p>
        <button
          type="button"
          onClick={() => void (setup.isError ? setup.refetch() : viewer.refetch())}
          className="rounded-md border border-stone-300 px-3 py-1 text-sm dark:border-stone-700"
        >
          {t('account.retry')}
        </button>
      </main>
    );
  }
  if (setup.data?.needsAdmin) {
    return (
      <SignedOut forget={session.forget}>
        <OnboardingScreen onCreated={session.begin} />
      </SignedOut>
    );
  }
  if (viewer.data === undefined) {
    return (
      <p role="status" className="p-8 text-center text-stone-600 dark:text-stone-400">
        {t('gallery.loading')}
      </p>
    );
  }
  if (viewer.data === null) {
    return (
      <SignedOut forget={session.forget}>
        <SignInScreen onSignedIn={session.begin} />
      </SignedOut>
    );
  }
  return <ViewerContext.Provider value={viewer.data}>{children}</ViewerContext.Provider>;
}

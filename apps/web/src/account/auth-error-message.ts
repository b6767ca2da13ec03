import type { TFunction } from 'i18next';
import { errorMessage } from '../lib/error-message';
import { AuthRequestError } from './auth-request-error';

/** What to tell someone whose sign-in or onboarding was refused. */
export function authErrorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof AuthRequestError)) return t('account.unreachable');
  if (error.status === 429) {
    return error.retryAfterSeconds === null
      ? t('account.tooMany')
      : t('account.tooManyWait', { seconds: error.retryAfterSeconds });
  }
  // The server answers a disabled account like a wrong password, so as not to confirm it.
  if (error.code === 'INVALID_EMAIL_OR_PASSWORD') return t('account.signIn.wrong');
  if (error.code === 'ALREADY_SET_UP') return t('account.onboarding.alreadySetUp');
  return errorMessage(error);
}

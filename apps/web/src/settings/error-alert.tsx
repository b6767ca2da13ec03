import { errorMessage } from '../lib/error-message';
import { alert } from './settings-styles';

/** What went wrong, read out as it appears. */
export function ErrorAlert({ error, className = '' }: { error: unknown; className?: string }) {
  return (
    <p role="alert" className={`${alert} ${className}`.trim()}>
      {errorMessage(error)}
    </p>
  );
}

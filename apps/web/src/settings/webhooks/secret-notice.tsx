import { useTranslation } from 'react-i18next';
import { ShownOnceNotice } from '../shown-once-notice';

/** An endpoint's signing secret, shown this once (after creating or rotating), with Copy. */
export function SecretNotice({
  url,
  secret,
  onDone,
}: {
  url: string;
  secret: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ShownOnceNotice
      heading={t('settings.webhooks.secretFor', { url })}
      warning={t('settings.webhooks.showOnce')}
      value={secret}
      valueLabel={t('settings.webhooks.theSecret')}
      copyFailed={t('settings.webhooks.copyFailed')}
      testId="webhook-secret"
      onDone={onDone}
    />
  );
}

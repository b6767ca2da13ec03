import { useTranslation } from 'react-i18next';
import { ShownOnceNotice } from './shown-once-notice';

/** A new API key, shown this once, with a copy button and a warning to keep it now. */
export function NewKeyNotice({
  name,
  apiKey,
  onDone,
}: {
  name: string;
  apiKey: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ShownOnceNotice
      heading={t('settings.keys.newKey', { name })}
      warning={t('settings.keys.showOnce')}
      value={apiKey}
      valueLabel={t('settings.keys.theKey')}
      copyFailed={t('settings.keys.copyFailed')}
      testId="new-api-key"
      onDone={onDone}
    />
  );
}

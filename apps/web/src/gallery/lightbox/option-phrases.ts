import type { TFunction } from 'i18next';
import type { OperationOptions } from '@genhub/core/schemas';

type Value = OperationOptions[keyof OperationOptions];

function valueLabel(name: keyof OperationOptions, value: Value, t: TFunction): string {
  if (typeof value === 'boolean') return value ? t('lightbox.yes') : t('lightbox.no');
  if (name === 'enhancement') return t(`operation.enhancements.${String(value)}`);
  if (name === 'videoMode') return t(`operation.videoModes.${String(value)}`);
  if (name === 'upscaleFactor') return `×${String(value)}`;
  if (name === 'durationSeconds') return t('lightbox.seconds', { seconds: value });
  if (name === 'strength' && typeof value === 'number') return `${Math.round(value * 100)}%`;
  return String(value);
}

/** An operation's settings as readable phrases ("Mask: no"), in the UI's language. */
export function optionPhrases(options: OperationOptions, t: TFunction): string[] {
  return (Object.entries(options) as [keyof OperationOptions, Value][])
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) =>
      t('lightbox.optionPhrase', {
        name: t(`lightbox.optionNames.${name}`),
        value: valueLabel(name, value, t),
      }),
    );
}

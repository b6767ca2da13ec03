import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lightboxButton } from './lightbox-button';

/** The prompt, with a button that copies it. */
export function PromptSection({ prompt }: { prompt: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  if (!prompt) return null;
  return (
    <section>
      <h2 className="mb-1 text-xs uppercase tracking-wide text-stone-400">
        {t('lightbox.prompt')}
      </h2>
      <p className="whitespace-pre-wrap text-sm">{prompt}</p>
      <button
        type="button"
        className={`${lightboxButton} mt-2`}
        onClick={() => void navigator.clipboard.writeText(prompt).then(() => setCopied(true))}
      >
        {copied ? t('lightbox.copied') : t('lightbox.copyPrompt')}
      </button>
    </section>
  );
}

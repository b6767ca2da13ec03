import { useTranslation } from 'react-i18next';
import type { CompareImage, CompareMode } from './compare-image';
import { CompareSide } from './compare-side';
import { CompareSlider } from './compare-slider';

const modes: CompareMode[] = ['slider', 'side'];

/** A before/after comparison, as a slider or side by side, with the switch between them. */
export function CompareView({
  before,
  after,
  mode,
  onMode,
}: {
  before: CompareImage;
  after: CompareImage;
  mode: CompareMode;
  onMode: (mode: CompareMode) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="flex h-full w-full flex-col gap-2">
      <div
        role="group"
        aria-label={t('lightbox.compare.mode')}
        className="flex justify-center gap-1 text-sm"
      >
        {modes.map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m}
            onClick={() => onMode(m)}
            className={`rounded-md border border-stone-600 px-3 py-1 ${mode === m ? 'bg-stone-100 text-stone-900' : 'hover:bg-stone-800'}`}
          >
            {t(`lightbox.compare.${m}`)}
          </button>
        ))}
      </div>
      <div className="min-h-0 flex-1">
        {mode === 'slider' ? (
          <CompareSlider before={before} after={after} />
        ) : (
          <CompareSide before={before} after={after} />
        )}
      </div>
    </div>
  );
}

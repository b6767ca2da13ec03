import { useTranslation } from 'react-i18next';
import { clearFilters, isFiltered, type GalleryFilters } from './gallery-filters';

/** What an empty gallery says: first run, empty trash, or filters that match nothing. */
export function GalleryEmpty({
  filters,
  onChange,
}: {
  filters: GalleryFilters;
  onChange: (filters: GalleryFilters) => void;
}) {
  const { t } = useTranslation();
  const filtered = isFiltered(filters);
  return (
    <div
      data-testid="gallery-empty"
      className="flex flex-col items-center gap-3 rounded-xl border border-dashed border-stone-300 p-8 text-center text-stone-600 dark:border-stone-700 dark:text-stone-400"
    >
      <p>
        {filtered
          ? t('gallery.noMatch')
          : filters.trash
            ? t('gallery.trashEmpty')
            : t('gallery.empty')}
      </p>
      {filtered && (
        <button
          type="button"
          onClick={() => onChange(clearFilters(filters))}
          className="rounded-md border border-stone-300 bg-white px-3 py-1 text-sm text-stone-800 hover:bg-stone-50 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-200 dark:hover:bg-stone-800"
        >
          {t('filters.clear')}
        </button>
      )}
    </div>
  );
}

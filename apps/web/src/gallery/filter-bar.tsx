import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { aspectRatios, mediaKinds, operations, taskStatuses } from '@genhub/core/schemas';
import { CollectionActions } from '../collections/collection-actions';
import { catalogLabel } from '../i18n/catalog-label';
import { useTRPC } from '../trpc';
import { clearFilters, isFiltered, type GalleryFilters } from './gallery-filters';

const control =
  'rounded-md border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-900';

/** Search, filters and sort of the gallery; every change lands in the URL. */
export function FilterBar({
  filters,
  onChange,
}: {
  filters: GalleryFilters;
  onChange: (filters: GalleryFilters) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const providers = useQuery(trpc.provider.list.queryOptions());
  const collections = useQuery(trpc.collection.list.queryOptions());
  const shownCollection = collections.data?.find((c) => c.id === filters.collection);
  const [search, setSearch] = useState(filters.q);
  const [open, setOpen] = useState(false);
  // Typing settles for 300 ms before it becomes a query (and a URL).
  const latest = useRef({ filters, onChange });
  latest.current = { filters, onChange };
  const timer = useRef<number | undefined>(undefined);
  const onSearch = (value: string) => {
    setSearch(value);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(
      () => latest.current.onChange({ ...latest.current.filters, q: value }),
      300,
    );
  };
  useEffect(() => setSearch(filters.q), [filters.q]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const set = (patch: Partial<GalleryFilters>) => onChange({ ...filters, ...patch });
  const select = (key: keyof GalleryFilters, label: string, options: [string, string][]) => (
    <label className="flex flex-col text-xs text-stone-600 dark:text-stone-400">
      {label}
      <select
        className={control}
        value={String(filters[key])}
        onChange={(e) => set({ [key]: e.target.value })}
      >
        <option value="">{t('filters.any')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  const models = (providers.data ?? [])
    .filter((p) => !filters.provider || p.id === filters.provider)
    .flatMap((p) => p.models.map((m) => [m.id, catalogLabel('model', m, t)] as [string, string]));
  const advanced = [
    filters.status,
    filters.provider,
    filters.model,
    filters.operation,
    filters.media,
    filters.ratio,
    filters.collection,
    filters.from,
    filters.to,
  ].filter(Boolean).length;
  return (
    <div role="search" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-48 flex-1 flex-col text-xs text-stone-600 dark:text-stone-400">
          {t('filters.search')}
          <input
            type="search"
            value={search}
            onChange={(e) => onSearch(e.target.value)}
            placeholder={t('filters.searchPlaceholder')}
            className={control}
          />
        </label>
        <button
          type="button"
          aria-pressed={filters.starred}
          onClick={() => set({ starred: !filters.starred })}
          className={`${control} ${filters.starred ? 'border-amber-500 text-amber-600' : ''}`}
        >
          ★ {t('filters.starred')}
        </button>
        <label className="flex flex-col text-xs text-stone-600 dark:text-stone-400">
          <span className="sr-only">{t('filters.sort')}</span>
          <select
            className={control}
            value={filters.sort}
            onChange={(e) => set({ sort: e.target.value === 'oldest' ? 'oldest' : 'newest' })}
          >
            <option value="newest">{t('filters.newest')}</option>
            <option value="oldest">{t('filters.oldest')}</option>
          </select>
        </label>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="gallery-more-filters"
          onClick={() => setOpen(!open)}
          className={control}
        >
          {t('filters.more')}
          {advanced > 0 ? ` (${advanced})` : ''}
        </button>
        <button
          type="button"
          aria-pressed={filters.trash}
          onClick={() => set({ trash: !filters.trash })}
          className={`${control} ${filters.trash ? 'border-rose-500 text-rose-600' : ''}`}
        >
          {t('filters.trash')}
        </button>
        {filters.plan && (
          <button type="button" onClick={() => set({ plan: '' })} className={control}>
            {t('filters.planOnly')} ✕
          </button>
        )}
        {isFiltered(filters) && (
          <button type="button" onClick={() => onChange(clearFilters(filters))} className={control}>
            {t('filters.clear')}
          </button>
        )}
      </div>
      {(open || advanced > 0) && (
        <div id="gallery-more-filters" className="flex flex-wrap items-end gap-2">
          {select(
            'status',
            t('filters.status'),
            taskStatuses.map((s) => [s, t(`taskStatus.${s}`)]),
          )}
          {select(
            'provider',
            t('generate.provider'),
            (providers.data ?? []).map((p) => [p.id, catalogLabel('provider', p, t)]),
          )}
          {select('model', t('generate.model'), models)}
          {select(
            'operation',
            t('lightbox.operation'),
            operations.map((o) => [o, t(`operation.names.${o}`)]),
          )}
          {select(
            'media',
            t('filters.media'),
            mediaKinds.map((m) => [m, t(`filters.mediaKinds.${m}`)]),
          )}
          {select(
            'ratio',
            t('generate.aspectRatio'),
            aspectRatios.map((r) => [r, r]),
          )}
          {select(
            'collection',
            t('filters.collection'),
            (collections.data ?? []).map((c) => [c.id, `${c.name} (${c.count})`]),
          )}
          {shownCollection && (
            <CollectionActions
              collection={shownCollection}
              className={control}
              onDeleted={() => set({ collection: '' })}
            />
          )}
          <label className="flex flex-col text-xs text-stone-600 dark:text-stone-400">
            {t('filters.from')}
            <input
              type="date"
              value={filters.from}
              onChange={(e) => set({ from: e.target.value })}
              className={control}
            />
          </label>
          <label className="flex flex-col text-xs text-stone-600 dark:text-stone-400">
            {t('filters.to')}
            <input
              type="date"
              value={filters.to}
              onChange={(e) => set({ to: e.target.value })}
              className={control}
            />
          </label>
        </div>
      )}
    </div>
  );
}

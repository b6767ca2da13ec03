import { mediaOf, type GalleryQuery, type Task } from '@genhub/core/schemas';

/** The gallery's filters as they live in the URL's query string (shareable, reloadable). */
export interface GalleryFilters {
  q: string;
  status: string;
  provider: string;
  model: string;
  operation: string;
  /** `image` or `video`: what the tasks make. */
  media: string;
  ratio: string;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  plan: string;
  collection: string;
  starred: boolean;
  trash: boolean;
  sort: 'newest' | 'oldest';
}

export const noFilters: GalleryFilters = {
  q: '',
  status: '',
  provider: '',
  model: '',
  operation: '',
  media: '',
  ratio: '',
  from: '',
  to: '',
  plan: '',
  collection: '',
  starred: false,
  trash: false,
  sort: 'newest',
};

/** Whether anything narrows the view (the sort and the trash are views, not filters). */
export function isFiltered(f: GalleryFilters): boolean {
  return (Object.keys(noFilters) as (keyof GalleryFilters)[]).some(
    (key) => key !== 'sort' && key !== 'trash' && f[key] !== noFilters[key],
  );
}

/** The same view (gallery or trash, same sort) with every filter dropped. */
export function clearFilters(f: GalleryFilters): GalleryFilters {
  return { ...noFilters, trash: f.trash, sort: f.sort };
}

export function filtersFromSearch(search: string): GalleryFilters {
  const params = new URLSearchParams(search);
  const text = (key: keyof GalleryFilters) => params.get(key) ?? '';
  return {
    q: text('q'),
    status: text('status'),
    provider: text('provider'),
    model: text('model'),
    operation: text('operation'),
    media: text('media'),
    ratio: text('ratio'),
    from: text('from'),
    to: text('to'),
    plan: text('plan'),
    collection: text('collection'),
    starred: params.get('starred') === '1',
    trash: params.get('trash') === '1',
    sort: params.get('sort') === 'oldest' ? 'oldest' : 'newest',
  };
}

export function filtersToSearch(filters: GalleryFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters) as [keyof GalleryFilters, unknown][]) {
    if (value === noFilters[key]) continue;
    params.set(key, typeof value === 'boolean' ? '1' : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const day = 86_400_000;
const dayStart = (date: string) => new Date(`${date}T00:00:00`).getTime();

/** The filters as a `generation.list` query (dates in the browser's calendar). */
export function toQuery(f: GalleryFilters): Omit<GalleryQuery, 'cursor' | 'limit'> {
  return {
    sort: f.sort,
    trash: f.trash,
    ...(f.q.trim() ? { search: f.q.trim() } : {}),
    ...(f.status ? { status: f.status as GalleryQuery['status'] } : {}),
    ...(f.provider ? { provider: f.provider } : {}),
    ...(f.model ? { model: f.model } : {}),
    ...(f.operation ? { operation: f.operation as GalleryQuery['operation'] } : {}),
    ...(f.media ? { media: f.media as GalleryQuery['media'] } : {}),
    ...(f.ratio ? { aspectRatio: f.ratio as GalleryQuery['aspectRatio'] } : {}),
    ...(f.from ? { from: dayStart(f.from) } : {}),
    ...(f.to ? { to: dayStart(f.to) + day } : {}),
    ...(f.plan ? { planId: f.plan } : {}),
    ...(f.collection ? { collectionId: f.collection } : {}),
    ...(f.starred ? { starred: true } : {}),
  };
}

/**
 * Whether a pushed task belongs in the view: the server's filters, applied in the browser
 * (the search as "every word appears", which is what the index does for 3+ characters).
 */
export function matchesFilters(task: Task, f: GalleryFilters): boolean {
  const q = toQuery(f);
  const prompt = task.prompt.toLowerCase();
  return (
    (task.deletedAt !== null) === f.trash &&
    (!q.status || task.status === q.status) &&
    (!q.provider || task.provider === q.provider) &&
    (!q.model || task.model === q.model) &&
    (!q.operation || task.operation === q.operation) &&
    (!q.media || mediaOf(task.operation) === q.media) &&
    (!q.aspectRatio || task.aspectRatio === q.aspectRatio) &&
    (!q.planId || task.planId === q.planId) &&
    (!q.collectionId || task.collectionIds.includes(q.collectionId)) &&
    (!q.starred || task.starredAt !== null) &&
    (q.from === undefined || task.createdAt >= q.from) &&
    (q.to === undefined || task.createdAt < q.to) &&
    (q.search ?? '')
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .every((word) => prompt.includes(word))
  );
}

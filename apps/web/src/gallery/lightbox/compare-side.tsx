import type { CompareImage } from './compare-image';

/** The two images next to each other (one above the other on a narrow screen). */
export function CompareSide({ before, after }: { before: CompareImage; after: CompareImage }) {
  return (
    <div data-testid="compare-side" className="grid h-full w-full gap-2 sm:grid-cols-2">
      {[before, after].map((image, i) => (
        <figure key={i} className="flex h-full min-h-0 flex-col items-center justify-center gap-1">
          <img
            src={image.url}
            alt={image.label}
            className="min-h-0 max-w-full object-contain"
            style={{ maxHeight: 'calc(100% - 1.75rem)' }}
          />
          <figcaption className="text-sm text-stone-300">{image.label}</figcaption>
        </figure>
      ))}
    </div>
  );
}

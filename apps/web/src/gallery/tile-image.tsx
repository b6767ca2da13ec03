import { useState } from 'react';
import type { Generation, Operation } from '@genhub/core/schemas';
import { checkerBehind } from './checker-behind';

/** A tile's thumbnail: a plain tone while it loads, the checkerboard only behind a loaded cut-out. */
export function TileImage({
  generation,
  operation,
  alt,
}: {
  generation: Generation;
  operation: Operation;
  alt: string;
}) {
  const [loaded, setLoaded] = useState(false);
  const backdrop = checkerBehind(operation, generation.mime, loaded)
    ? 'checkerboard'
    : loaded
      ? ''
      : 'bg-stone-100 dark:bg-stone-800';
  return (
    <img
      src={generation.thumbUrl}
      width={generation.width}
      height={generation.height}
      alt={alt}
      loading="lazy"
      decoding="async"
      data-loaded={loaded}
      // A cached image may be complete before React listens for `load`.
      ref={(img) => {
        if (img?.complete && img.naturalWidth > 0) setLoaded(true);
      }}
      onLoad={() => setLoaded(true)}
      className={`h-full w-full object-cover ${backdrop}`}
    />
  );
}

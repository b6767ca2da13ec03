import { useRef } from 'react';
import { clipLength, type Generation } from '@genhub/core/schemas';

/**
 * A video in a gallery tile: its poster and length, and the clip itself, muted, while the
 * pointer is over it or it has the focus. Nothing is fetched until it plays.
 */
export function VideoThumb({
  generation,
  label,
  onOpen,
}: {
  generation: Generation;
  label: string;
  onOpen: () => void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const play = () => {
    const element = video.current;
    if (!element) return;
    // Browsers let a muted video play without a click; React does not set `muted` reliably.
    element.muted = true;
    element.play().catch(() => undefined);
  };
  const stop = () => {
    const element = video.current;
    if (!element) return;
    element.pause();
    element.currentTime = 0;
  };
  return (
    <button
      type="button"
      onClick={onOpen}
      onPointerEnter={play}
      onPointerLeave={stop}
      onFocus={play}
      onBlur={stop}
      aria-label={label}
      className="relative block min-h-0 overflow-hidden focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-amber-500"
    >
      <video
        ref={video}
        data-testid="video-tile"
        src={generation.url}
        poster={generation.thumbUrl}
        width={generation.width}
        height={generation.height}
        loop
        muted
        playsInline
        preload="none"
        className="h-full w-full bg-stone-900 object-cover"
      />
      <span
        data-testid="duration-badge"
        className="absolute right-1.5 bottom-1.5 rounded bg-black/70 px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap text-white tabular-nums"
      >
        ▶ {clipLength(generation.durationMs ?? 0)}
      </span>
    </button>
  );
}

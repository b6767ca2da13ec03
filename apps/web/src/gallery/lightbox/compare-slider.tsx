import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompareImage } from './compare-image';
import { dividerAfterKey, dividerAtPointer, dividerStart } from './divider-position';
import { fitBox } from './fit-box';
import { useElementSize } from './use-element-size';

const layer = 'pointer-events-none absolute inset-0 h-full w-full select-none object-contain';
const tag = 'absolute top-2 rounded bg-black/70 px-2 py-0.5 text-xs text-white';

/**
 * Before over after, split by a divider: drag anywhere on the image, or focus the divider and use
 * the arrow keys (Page Up/Down, Home/End for bigger moves).
 */
export function CompareSlider({ before, after }: { before: CompareImage; after: CompareImage }) {
  const { t } = useTranslation();
  const [position, setPosition] = useState(dividerStart);
  const box = useRef<HTMLDivElement>(null);
  const room = useRef<HTMLDivElement>(null);
  const roomSize = useElementSize(room);
  // The after image's own size: the box takes its shape, so the labels sit on the image.
  const [natural, setNatural] = useState({ width: 0, height: 0 });
  const fitted = fitBox(roomSize, natural);
  const dragging = useRef(false);
  const follow = (clientX: number) => {
    const rect = box.current?.getBoundingClientRect();
    if (rect) setPosition(dividerAtPointer(clientX, rect.left, rect.width));
  };

  return (
    <div ref={room} className="flex h-full w-full items-center justify-center">
      <div
        ref={box}
        data-testid="compare-slider"
        className="relative cursor-ew-resize touch-none"
        style={fitted.width > 0 ? fitted : { width: '100%', height: '100%' }}
        onPointerDown={(e) => {
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          follow(e.clientX);
        }}
        onPointerMove={(e) => {
          if (dragging.current) follow(e.clientX);
        }}
        onPointerUp={() => {
          dragging.current = false;
        }}
        onPointerCancel={() => {
          dragging.current = false;
        }}
      >
        <img
          src={after.url}
          alt={after.label}
          className={layer}
          draggable={false}
          onLoad={(e) =>
            setNatural({
              width: e.currentTarget.naturalWidth,
              height: e.currentTarget.naturalHeight,
            })
          }
        />
        <img
          src={before.url}
          alt={before.label}
          className={layer}
          draggable={false}
          style={{ clipPath: `inset(0 ${100 - position}% 0 0)` }}
        />
        <span className={`${tag} left-2`} aria-hidden="true">
          {before.label}
        </span>
        <span className={`${tag} right-2`} aria-hidden="true">
          {after.label}
        </span>
        <div
          role="slider"
          tabIndex={0}
          aria-label={t('lightbox.compare.divider')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={position}
          aria-valuetext={t('lightbox.compare.dividerValue', {
            before: before.label,
            percent: position,
          })}
          aria-orientation="horizontal"
          onKeyDown={(e) => {
            const next = dividerAfterKey(e.key, position);
            if (next === null) return;
            // The dialog steps between images on the arrow keys; here they move the divider.
            e.preventDefault();
            e.stopPropagation();
            setPosition(next);
          }}
          className="absolute inset-y-0 -ml-3 flex w-6 cursor-ew-resize justify-center focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-400"
          style={{ left: `${position}%` }}
        >
          <span className="h-full w-0.5 bg-white shadow-[0_0_4px_rgba(0,0,0,0.8)]" />
          <span className="absolute top-1/2 flex h-8 w-8 -translate-y-1/2 items-center justify-center rounded-full border-2 border-white bg-black/60 text-xs text-white">
            ⇔
          </span>
        </div>
      </div>
    </div>
  );
}

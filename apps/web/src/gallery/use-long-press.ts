import { useEffect, useRef, type PointerEvent, type SyntheticEvent } from 'react';

/** How long a finger rests before it counts as a long press, and how far it may drift. */
const holdMs = 500;
const slopPx = 10;

/**
 * A long press by touch or pen (a phone has no hover to reveal controls with): calls `onLongPress`
 * after the finger rests, and swallows the click and context menu that follow it.
 */
export function useLongPress(onLongPress: () => void) {
  const timer = useRef<number | null>(null);
  const origin = useRef({ x: 0, y: 0 });
  const fired = useRef(false);
  const callback = useRef(onLongPress);
  callback.current = onLongPress;
  const stop = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stop, []);
  const swallow = (event: SyntheticEvent) => {
    if (!fired.current) return;
    event.preventDefault();
    event.stopPropagation();
  };
  return {
    onPointerDown: (event: PointerEvent) => {
      fired.current = false;
      if (event.pointerType === 'mouse' || !event.isPrimary) return;
      origin.current = { x: event.clientX, y: event.clientY };
      stop();
      timer.current = window.setTimeout(() => {
        timer.current = null;
        fired.current = true;
        callback.current();
      }, holdMs);
    },
    onPointerMove: (event: PointerEvent) => {
      const { x, y } = origin.current;
      if (Math.hypot(event.clientX - x, event.clientY - y) > slopPx) stop();
    },
    onPointerUp: stop,
    onPointerCancel: stop,
    onClickCapture: (event: SyntheticEvent) => {
      swallow(event);
      fired.current = false;
    },
    onContextMenu: swallow,
  };
}

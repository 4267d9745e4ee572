'use client';

import { useRef, type PointerEvent, type MouseEvent } from 'react';

export const LONG_PRESS_MS = 500;
/** A finger that moves further than this is scrolling, not pressing. */
const SLOP_PX = 10;

/**
 * Pointer handlers for a long press with a finger (or pen): `onLongPress` after LONG_PRESS_MS
 * held still. The browser's own context menu that a long press also raises is suppressed.
 */
export function useLongPress(onLongPress: () => void) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const start = useRef<{ x: number; y: number } | null>(null);
  const fired = useRef(false);
  const clear = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    start.current = null;
  };
  return {
    onPointerDown(e: PointerEvent) {
      if (e.pointerType === 'mouse') return;
      // React bubbles events from portals (the sheet, a menu) through here: only the message's
      // own DOM counts.
      if (!e.currentTarget.contains(e.target as Node)) return;
      // Buttons and links inside the message keep their own taps.
      if ((e.target as HTMLElement).closest('button, a, input, textarea')) return;
      fired.current = false;
      start.current = { x: e.clientX, y: e.clientY };
      timer.current = setTimeout(() => {
        fired.current = true;
        clear();
        onLongPress();
      }, LONG_PRESS_MS);
    },
    onPointerMove(e: PointerEvent) {
      const s = start.current;
      if (s && Math.hypot(e.clientX - s.x, e.clientY - s.y) > SLOP_PX) clear();
    },
    onPointerUp: clear,
    onPointerCancel: clear,
    onContextMenu(e: MouseEvent) {
      if (fired.current || timer.current) e.preventDefault();
    },
  };
}

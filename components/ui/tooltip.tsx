'use client';

import {
  cloneElement,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type PointerEvent,
  type ReactElement,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';

import { placeTooltip, type TooltipSide } from './tooltip-place';

const SHOW_AFTER_MS = 400;
const HIDE_AFTER_MS = 100;

/**
 * A short hint on mouse hover and keyboard focus. It repeats a control's accessible name for
 * sighted mouse users; it never carries information the control's own label does not.
 *
 * Written here rather than taken from Radix: Radix's tooltip brings Floating UI (about 15 kB gzip)
 * into every page for a handful of hints, and a hint needs only this: shown after a short delay
 * (at once on keyboard focus), not on touch, named by `aria-describedby`, drawn in a portal so
 * no scroller clips it, placed beside its control (flipped and kept on screen), hoverable, and
 * gone on Esc, on scroll, or when the pointer or focus leaves (WCAG 1.4.13).
 */
export function Tooltip({
  content,
  children,
  side = 'top',
  delay = SHOW_AFTER_MS,
}: {
  content: ReactNode;
  children: ReactElement<{ 'aria-describedby'?: string }>;
  side?: TooltipSide;
  delay?: number;
}) {
  const id = useId();
  const anchor = useRef<HTMLSpanElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);

  const later = (run: () => void, ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(run, ms);
  };
  const close = useCallback(() => {
    clearTimeout(timer.current);
    setOpen(false);
    setPosition(null);
  }, []);
  const show = (ms: number) => later(() => setOpen(true), ms);
  const hide = (ms = 0) => later(close, ms);

  useEffect(() => () => clearTimeout(timer.current), []);

  useLayoutEffect(() => {
    if (!open || !anchor.current || !tip.current) return;
    const target = anchor.current.firstElementChild ?? anchor.current;
    setPosition(
      placeTooltip(
        target.getBoundingClientRect(),
        tip.current.getBoundingClientRect(),
        { width: window.innerWidth, height: window.innerHeight },
        side,
      ),
    );
  }, [open, side]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    const onScroll = () => close();
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('scroll', onScroll, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('scroll', onScroll, true);
    };
  }, [open, close]);

  const mouse = (e: PointerEvent) => e.pointerType === 'mouse';
  return (
    <span
      ref={anchor}
      className="inline-flex"
      onPointerEnter={(e) => mouse(e) && show(delay)}
      onPointerLeave={(e) => mouse(e) && hide(HIDE_AFTER_MS)}
      onPointerDown={() => hide()}
      onFocus={(e: FocusEvent) => {
        if (e.target instanceof Element && e.target.matches(':focus-visible')) show(0);
      }}
      onBlur={() => hide()}
    >
      {cloneElement(children, { 'aria-describedby': open ? id : undefined })}
      {open
        ? createPortal(
            <div
              ref={tip}
              id={id}
              role="tooltip"
              onPointerEnter={() => clearTimeout(timer.current)}
              onPointerLeave={() => hide(HIDE_AFTER_MS)}
              style={
                position
                  ? { position: 'fixed', left: position.left, top: position.top }
                  : { position: 'fixed', left: 0, top: 0, visibility: 'hidden' }
              }
              className="z-50 max-w-xs rounded-md bg-fg px-2 py-1 text-xs font-medium text-bg shadow-[var(--shadow-pop)] animate-pop-in"
            >
              {content}
            </div>,
            document.body,
          )
        : null}
    </span>
  );
}

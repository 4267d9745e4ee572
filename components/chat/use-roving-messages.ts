'use client';

import type { KeyboardEvent, RefObject } from 'react';
import type { VirtuosoHandle } from 'react-virtuoso';

const ARTICLE = '[role="article"]';

/** Puts keyboard focus back in the composer (Esc from the messages). */
export function focusComposer() {
  document.querySelector<HTMLTextAreaElement>('textarea[data-composer]')?.focus();
}

/**
 * Roving focus over the message list: the log is the one Tab stop; Up/Down move focus between
 * messages (each an `article`, focusable with tabIndex -1), Home/End to the ends, Esc back to
 * the composer. Messages outside the rendered window are scrolled in first (the list is
 * virtualized), then focused.
 */
export function useRovingMessages(
  scroller: RefObject<HTMLElement | null>,
  virtuoso: RefObject<VirtuosoHandle | null>,
) {
  function articles(): HTMLElement[] {
    return [...(scroller.current?.querySelectorAll<HTMLElement>(ARTICLE) ?? [])];
  }
  function focus(el: HTMLElement) {
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
  }
  function move(from: HTMLElement | null, step: 1 | -1, attempt = 0) {
    const list = articles();
    if (list.length === 0) return;
    if (!from) return focus(step === -1 ? list.at(-1)! : list[0]!);
    const at = list.indexOf(from);
    const next = at === -1 ? null : list[at + step];
    if (next) return focus(next);
    // At the edge of what is rendered: scroll the virtualized list and try again.
    if (attempt >= 3) return;
    virtuoso.current?.scrollBy({ top: step * 240 });
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const again = from.isConnected ? from : null;
        if (again) move(again, step, attempt + 1);
      }),
    );
  }

  return function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    const target = e.target as HTMLElement;
    // Only the log itself or a message row: buttons, menus and fields keep their own keys.
    const onLog = target.getAttribute('role') === 'log';
    const onArticle = target.matches(ARTICLE);
    if (!onLog && !onArticle) return;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const current = onArticle ? target : null;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(current, e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Home' || e.key === 'End') {
      const list = articles();
      const el = e.key === 'Home' ? list[0] : list.at(-1);
      if (el) {
        e.preventDefault();
        focus(el);
      }
    } else if (e.key === 'Escape') {
      // Not prevented: the app-wide Esc also marks the conversation read.
      focusComposer();
    }
  };
}

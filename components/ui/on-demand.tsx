'use client';

import { Suspense, useState, type ReactElement, type ReactNode } from 'react';

export type StandInProps = { onClick: () => void; onPointerEnter: () => void; onFocus: () => void };

/**
 * A control whose code is fetched when someone first uses it, not with the page: `standIn` (drawn
 * like the real trigger) is shown until it is pressed; then `children` (a React.lazy component
 * told to open at once) take its place. Pointing at or focusing the stand-in starts the fetch, so
 * the press usually finds the code already there.
 */
export function OnDemand({
  standIn,
  load,
  children,
}: {
  standIn: (props: StandInProps) => ReactElement;
  load: () => Promise<unknown>;
  children: ReactNode;
}) {
  const [wanted, setWanted] = useState(false);
  const prefetch = () => void load().catch(() => undefined);
  const button = standIn({
    onClick: () => setWanted(true),
    onPointerEnter: prefetch,
    onFocus: prefetch,
  });
  if (!wanted) return button;
  return <Suspense fallback={button}>{children}</Suspense>;
}

/**
 * True from the first time `open` is true on: a lazily loaded dialog is mounted when first opened
 * and then stays mounted, so closing it behaves as for any dialog (focus goes back, no refetch).
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}

'use client';

import { lazy, Suspense, type ReactNode } from 'react';

import { useOpenedOnce } from './on-demand';

// Radix Dialog loads with the first sheet that opens (a long press), not with the conversation.
const SheetContent = lazy(() =>
  import('./sheet-content').then((m) => ({ default: m.SheetContent })),
);

/**
 * A bottom sheet for touch: a modal dialog that rises from the bottom edge, above the home
 * indicator (safe-area inset), at most 85% of the visible height (sheet-content.tsx).
 */
export function Sheet(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
}) {
  const mounted = useOpenedOnce(props.open);
  return mounted ? (
    <Suspense fallback={null}>
      <SheetContent {...props} />
    </Suspense>
  ) : null;
}

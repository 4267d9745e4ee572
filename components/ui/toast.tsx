'use client';

import { lazy, Suspense, type ReactNode } from 'react';

import { useToastStore } from '@/lib/ui/client/toast-store';

import { useOpenedOnce } from './on-demand';

// Every page has the Toaster and few pages show a toast: the toast code (Radix Toast) is fetched
// with the first one, then stays.
const ToastList = lazy(() => import('./toast-list').then((m) => ({ default: m.ToastList })));

/** Renders the page and, from the first `toast()` on, the toasts (toast-list.tsx). */
export function Toaster({ children }: { children: ReactNode }) {
  const mounted = useOpenedOnce(useToastStore((s) => s.toasts.length > 0));
  return (
    <>
      {children}
      {mounted ? (
        <Suspense fallback={null}>
          <ToastList />
        </Suspense>
      ) : null}
    </>
  );
}

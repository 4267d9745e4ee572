'use client';

import * as RadixToast from '@radix-ui/react-toast';
import { X } from 'lucide-react';

import { useToastStore } from '@/lib/ui/client/toast-store';

import { cn } from './cn';

const tone = { info: 'border-border', success: 'border-accent', error: 'border-danger' } as const;

/** The toasts, in a polite live region (loaded by toast.tsx with the first toast). */
export function ToastList() {
  const toasts = useToastStore((s) => s.toasts);
  const dismiss = useToastStore((s) => s.dismiss);
  return (
    <RadixToast.Provider swipeDirection="right" duration={5000}>
      {toasts.map((t) => (
        <RadixToast.Root
          key={t.id}
          type={t.variant === 'error' ? 'foreground' : 'background'}
          onOpenChange={(open) => !open && dismiss(t.id)}
          className={cn(
            'relative rounded-md border-l-4 bg-surface p-3 pr-8 shadow-lg',
            tone[t.variant],
          )}
        >
          <RadixToast.Title className="font-medium">{t.title}</RadixToast.Title>
          {t.description ? (
            <RadixToast.Description className="text-sm text-muted">
              {t.description}
            </RadixToast.Description>
          ) : null}
          <RadixToast.Close aria-label="Dismiss" className="absolute right-2 top-2 text-muted">
            <X aria-hidden size={14} />
          </RadixToast.Close>
        </RadixToast.Root>
      ))}
      <RadixToast.Viewport className="fixed bottom-4 right-4 z-50 flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-2 outline-none" />
    </RadixToast.Provider>
  );
}

import type { ReactNode } from 'react';

import { SiteHeader } from '@/components/site-header';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-sm flex-1 flex-col justify-center gap-6 px-6 py-12">
        {children}
      </main>
    </div>
  );
}

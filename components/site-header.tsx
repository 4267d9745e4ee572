import { cookies } from 'next/headers';
import Link from 'next/link';
import type { ReactNode } from 'react';

import { ThemeToggle } from '@/components/theme-toggle';
import { THEME_COOKIE, parseTheme } from '@/lib/theme';

export async function SiteHeader({ children }: { children?: ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <header className="flex items-center justify-between border-b border-border px-4 py-3">
      <Link href="/" className="text-lg font-semibold tracking-tight">
        Parley
      </Link>
      <div className="flex items-center gap-2">
        {children}
        <ThemeToggle initial={theme} />
      </div>
    </header>
  );
}

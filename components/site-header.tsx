import { cookies } from 'next/headers';
import Link from 'next/link';
import type { ReactNode } from 'react';

import { Logo } from '@/components/brand/logo';
import { ThemeToggle } from '@/components/theme-toggle';
import { THEME_COOKIE, parseTheme } from '@/lib/theme';

/**
 * The top bar. With a `phoneMenu`, the `nav` and `children` show from tablet width up and collapse
 * into that menu below it; `always` (the notification bell) stays in both, rendered once. So a
 * 390 px screen never scrolls sideways.
 */
export async function SiteHeader({
  nav,
  always,
  children,
  phoneMenu,
}: {
  nav?: ReactNode;
  always?: ReactNode;
  children?: ReactNode;
  phoneMenu?: ReactNode;
}) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const wide = phoneMenu ? 'hidden items-center gap-2 md:flex' : 'flex items-center gap-2';
  return (
    <header className="flex items-center justify-between gap-2 border-b border-border px-3 pb-2 pt-[max(0.5rem,env(safe-area-inset-top))] sm:px-4">
      <Link href="/" aria-label="Parley home" className="shrink-0 rounded-md">
        <Logo />
      </Link>
      <div className="flex min-w-0 items-center gap-2">
        {nav ? <div className={wide}>{nav}</div> : null}
        {always}
        <div className={wide}>
          {children}
          <ThemeToggle initial={theme} />
        </div>
        {phoneMenu ? <div className="md:hidden">{phoneMenu}</div> : null}
      </div>
    </header>
  );
}

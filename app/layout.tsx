import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';

import { Toaster } from '@/components/ui/toast';
import { THEME_COOKIE, parseTheme, themeClass } from '@/lib/theme';

import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Parley', template: '%s · Parley' },
  description: 'Real-time chat: direct messages, groups, calls and an AI assistant.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#101216' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The theme is a cookie read on the server, so the first paint is already right (no flash).
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={themeClass(theme)} data-theme={theme}>
      <body className="min-h-dvh antialiased">
        <Toaster>{children}</Toaster>
      </body>
    </html>
  );
}

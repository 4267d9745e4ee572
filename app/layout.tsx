import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';

import { Toaster } from '@/components/ui/toast';
import { THEME_COOKIE, parseTheme, themeClass } from '@/lib/theme';

// The UI font is served from the app's own origin (CSP font-src 'self'); no request to a font CDN.
import '@fontsource-variable/inter';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Parley', template: '%s · Parley' },
  description: 'Real-time chat: direct messages, groups, calls and an AI assistant.',
  applicationName: 'Parley',
  appleWebApp: { capable: true, title: 'Parley', statusBarStyle: 'default' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  // Content may draw under the notch and home bar; headers and the composer pad by the
  // safe-area insets. The on-screen keyboard resizes the layout (dvh), so the composer stays up.
  viewportFit: 'cover',
  interactiveWidget: 'resizes-content',
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

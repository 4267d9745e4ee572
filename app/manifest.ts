import type { MetadataRoute } from 'next';

/**
 * The web app manifest (/manifest.webmanifest): installable as an app. Push notifications keep
 * using public/sw.js, the only service worker; the manifest registers none.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Parley',
    short_name: 'Parley',
    description: 'Real-time chat: direct messages, groups, calls and an AI assistant.',
    start_url: '/chats',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#4f46e5',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
}

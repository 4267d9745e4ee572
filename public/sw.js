/* Parley's service worker: shows web pushes and opens the conversation when one is clicked.
 * Plain JavaScript, served as is from /sw.js (scope /). The payload is what lib/push/server/send.ts
 * sends ({title, body, url, tag}, lib/push/server/message.ts); it is parsed defensively, because a push
 * that shows nothing is worse than a generic one (and Chrome counts silent pushes against us).
 */
'use strict';

const FALLBACK_TITLE = 'New activity in Parley';

self.addEventListener('install', () => {
  // Nothing to cache: take over from an older worker at once.
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

/** A same-origin URL for `value`, else the app's home. Never navigates off-site. */
function safeUrl(value) {
  try {
    const url = new URL(typeof value === 'string' ? value : '/chats', self.location.origin);
    return url.origin === self.location.origin
      ? url.href
      : new URL('/chats', self.location.origin).href;
  } catch {
    return new URL('/chats', self.location.origin).href;
  }
}

function text(value, max) {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null;
}

function readPayload(data) {
  if (!data) return {};
  try {
    const parsed = data.json();
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

self.addEventListener('push', (event) => {
  const payload = readPayload(event.data);
  const title = text(payload.title, 120) || FALLBACK_TITLE;
  const options = {
    body: text(payload.body, 300) || '',
    data: { url: safeUrl(payload.url) },
  };
  const tag = text(payload.tag, 128);
  if (tag) {
    options.tag = tag;
    // A newer message in the same conversation replaces the old notification: ring again.
    options.renotify = true;
  }
  event.waitUntil(self.registration.showNotification(title, options));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = safeUrl(event.notification.data && event.notification.data.url);
  event.waitUntil(openOrFocus(url));
});

async function openOrFocus(url) {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const origin = self.location.origin;
  const sameOrigin = windows.filter((client) => new URL(client.url).origin === origin);
  // Prefer a tab already showing the conversation, then any focused one, then any.
  const target =
    sameOrigin.find((client) => client.url === url) ||
    sameOrigin.find((client) => client.focused) ||
    sameOrigin[0];
  if (target) {
    try {
      const focused = await target.focus();
      if (target.url !== url && 'navigate' in focused) return await focused.navigate(url);
      return focused;
    } catch {
      // Navigating an uncontrolled client can fail; a new window still gets them there.
    }
  }
  return self.clients.openWindow(url);
}

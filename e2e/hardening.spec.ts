import { createServer } from 'node:http';

import { expect, test, type APIResponse } from '@playwright/test';

import { hostileSegments } from '../test/fuzz-corpus';
import {
  closePeople,
  composer,
  conversationId,
  log,
  messageRow,
  personInBrowser,
  send,
  startDirect,
} from './fixtures/chat';

test.afterEach(closePeople);

/** A 1×1 PNG, for the forged avatar upload. */
const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/**
 * No 5xx, and API failures are JSON. (Outside /api/v1, Next.js's own 405, for a method a route
 * does not export, has no body; under it proxy.ts answers the JSON one.)
 */
async function expectSafe(res: APIResponse, label: string) {
  expect(res.status(), `${label} → ${res.status()}`).toBeLessThan(500);
  const pathname = new URL(res.url()).pathname;
  if (
    pathname.startsWith('/api/') &&
    // NextAuth answers unknown /api/auth actions with its own HTML 400.
    !pathname.startsWith('/api/auth/') &&
    res.status() >= 400 &&
    (res.status() !== 405 || pathname.startsWith('/api/v1/'))
  )
    expect(res.headers()['content-type'] ?? '', `${label} answers JSON`).toMatch(
      /application\/json/,
    );
}

/** A path that does not percent-decode: proxy.ts's JSON 400, with the security headers. */
async function expectBadPath(res: APIResponse, label: string) {
  expect(res.status(), label).toBe(400);
  expect(res.headers()['content-type'], label).toMatch(/application\/json/);
  expect(res.headers()['x-content-type-options'], `${label} has the security headers`).toBe(
    'nosniff',
  );
}

const decodes = (raw: string) => {
  try {
    decodeURIComponent(raw);
    return true;
  } catch {
    return false;
  }
};

test('hostile path segments, bodies and callbackUrls that only the real router sees never get a 5xx', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { page } = await personInBrowser(browser, 'Fuzz Walker');
  const request = page.request; // signed in: the session cookie goes along

  const document = (await (await request.get('/api/v1/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  let sent = 0;
  for (const [path, methods] of Object.entries(document.paths)) {
    if (!path.includes('{')) continue;
    for (const method of Object.keys(methods))
      for (const segment of hostileSegments) {
        const url = path.replace(/\{\w+\}/g, segment.raw);
        const res = await request.fetch(url, { method: method.toUpperCase(), maxRedirects: 0 });
        const label = `${method.toUpperCase()} ${url.slice(0, 80)}`;
        if (!decodes(segment.raw)) await expectBadPath(res, label);
        // An 8,000-character path may be answered by the Node server itself (408, no body).
        else if (segment.name === 'very long') expect(res.status(), label).toBeLessThan(500);
        else await expectSafe(res, label);
        sent++;
      }
  }
  const pages = [
    '/chats',
    '/settings',
    '/admin/jobs',
    '/sign-in',
    '/api/auth',
    '/api/jobs',
    '/api/v1/users',
  ];
  for (const base of pages)
    for (const segment of hostileSegments) {
      const res = await request.get(`${base}/${segment.raw}`, { maxRedirects: 0 });
      const label = `GET ${base}/${segment.name}`;
      await (decodes(segment.raw) ? expectSafe(res, label) : expectBadPath(res, label));
      sent++;
    }
  for (const escape of ['%0a', '%0d', '%0d%0aSet-Cookie:%20x=1', '%E3%80%82evil.test', '%00'])
    for (const page2 of ['/sign-in', '/sign-up', '/api/auth/signin']) {
      const res = await request.get(`${page2}?callbackUrl=/chats${escape}`, { maxRedirects: 0 });
      await expectSafe(res, `GET ${page2}?callbackUrl=/chats${escape}`);
      sent++;
    }
  for (const path of [
    '/api/auth/signout',
    '/api/auth/callback/credentials',
    '/api/auth/signin/credentials',
  ])
    for (const body of ['{"csrfToken":', 'not json', '[]', '{"callbackUrl":{"a":1}}']) {
      const res = await request.post(path, {
        headers: { 'content-type': 'application/json' },
        data: body,
        maxRedirects: 0,
      });
      await expectSafe(res, `POST ${path} ${body}`);
      sent++;
    }
  console.log(`e2e fuzz: ${sent} requests, no 5xx`);
  expect(sent).toBeGreaterThan(300);
});

test('a method an /api/v1 path does not take is the JSON 405 with Allow', async ({ request }) => {
  const res = await request.fetch('/api/v1/conversations', { method: 'PUT' });
  expect(res.status()).toBe(405);
  expect(res.headers()['allow']?.split(', ').sort()).toEqual(['GET', 'POST']);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed');
  // The API's static CSP (next.config.js), without a proxy pass.
  expect(res.headers()['content-security-policy']).toBe(
    "default-src 'none'; frame-ancestors 'none'",
  );
  // A path with a dynamic segment, where the route exports only POST.
  const read = await request.fetch('/api/v1/conversations/c_1/read', { method: 'GET' });
  expect(read.status()).toBe(405);
  expect(read.headers()['allow']).toBe('POST');
  const options = await request.fetch('/api/v1/conversations', { method: 'OPTIONS' });
  expect(options.status()).toBe(204);
  expect(options.headers()['allow']?.split(', ').sort()).toEqual([
    'GET',
    'HEAD',
    'OPTIONS',
    'POST',
  ]);
});

test('a message of deeply nested Markdown breaks nothing: the conversation renders and later messages show', async ({
  browser,
}) => {
  const ana = await personInBrowser(browser, 'Ana Nesting');
  const ben = await personInBrowser(browser, 'Ben Nesting');
  await startDirect(ana.page, ben.person.name);
  await send(ana.page, 'Before the storm');
  await expect(messageRow(ana.page, 'Before the storm')).toBeVisible();
  const id = await conversationId(ana.page, ben.person.name);

  const hostile = [
    `${'- '.repeat(1990)}x`,
    `${'> '.repeat(1990)}quoted`,
    `${'>'.repeat(3981)}y`,
    `${'*_'.repeat(990)}z${'_*'.repeat(990)}`,
    `${'1. '.repeat(1300)}n`,
  ];
  for (const [i, body] of hostile.entries()) {
    const res = await ana.page.request.post(`/api/v1/conversations/${id}/messages`, {
      data: { body, clientId: `hostile-${i}-${Date.now()}` },
    });
    expect(res.status()).toBe(201);
  }
  await send(ana.page, 'After the storm');

  // Ana (at the end of the conversation) sees the later message; Ben opens at his first unread,
  // the one before the hostile ones. Both lists render.
  for (const [page, visible] of [
    [ana.page, 'After the storm'],
    [ben.page, 'Before the storm'],
  ] as const) {
    await page.goto(`/chats/${id}`);
    await expect(log(page)).toBeVisible();
    await expect(messageRow(page, visible)).toBeVisible();
    await expect(page.getByText("This page couldn't load")).toHaveCount(0);
    // Rendered, not replaced by the per-message fallback (the limits keep them renderable).
    await expect(page.getByText("This message can't be displayed")).toHaveCount(0);
    await expect(composer(page)).toBeEnabled();
  }
});

test('a same-site page on another port cannot sign a person out everywhere; the app’s own writes still work', async ({
  browser,
  baseURL,
}) => {
  const ana = await personInBrowser(browser, 'Ana Origin');
  const app = new URL(baseURL ?? 'http://localhost:3100');
  const evilPort = Number(app.port) + 7;
  const evilOrigin = `http://${app.hostname}:${evilPort}`;
  // A page served from the same host on another port: same site, so Lax cookies go along. (A real
  // server: Chromium refuses a page it cannot place on the local network the right to call it.)
  const evil = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><script>
        const png = Uint8Array.from(atob('${TINY_PNG}'), (c) => c.charCodeAt(0));
        const form = new FormData();
        form.set('file', new Blob([png], { type: 'image/png' }), 'owned.png');
        const send = (path, body) =>
          fetch('${app.origin}' + path, { method: 'POST', credentials: 'include', mode: 'no-cors', body })
            .then((res) => res.type, (error) => 'failed: ' + error.message);
        Promise.all([send('/api/v1/auth/signout-all'), send('/api/v1/me/avatar', form)])
          .then((types) => { document.title = types.join(','); });
      </script>`),
  );
  await new Promise<void>((resolve) => evil.listen(evilPort, '127.0.0.1', resolve));
  test
    .info()
    .attach('evil origin', { body: evilOrigin })
    .catch(() => {});
  // Both attacks are "simple" requests (no preflight), so the browser sends them with the cookie.
  const responses = Promise.all(
    ['/api/v1/auth/signout-all', '/api/v1/me/avatar'].map((path) =>
      ana.page.waitForResponse((res) => res.url() === `${app.origin}${path}`),
    ),
  );
  await ana.page.goto(`${evilOrigin}/evil.html`);
  await expect(ana.page).toHaveTitle('opaque,opaque'); // both reached the server and answered
  expect((await responses).map((res) => res.status())).toEqual([403, 403]);

  // Still signed in, name unchanged, and the app's own write (a PATCH from its pages) works.
  const me = await ana.page.request.get(`${app.origin}/api/v1/me`);
  expect(me.status()).toBe(200);
  expect(((await me.json()) as { user: { image: string | null } }).user.image).toBeNull();
  await ana.page.goto('/chats');
  const renamed = await ana.page.evaluate(async () => {
    const res = await fetch('/api/v1/me', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ statusText: 'Back soon' }),
    });
    return res.status;
  });
  expect(renamed).toBe(200);
  evil.close();
});

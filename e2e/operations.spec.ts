import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';

import { closePeople, personInBrowser, send, startDirect } from './fixtures/chat';
import { signUp } from './fixtures/people';
import { E2E_ADMIN_EMAIL, E2E_DATA_DIR, E2E_SENTRY_PORT } from './fixtures/server';

type Envelope = { items: { header: { type?: string }; payload: Record<string, unknown> }[] };

/** Error events the fake ingest (scripts/fake-sentry-ingest.mjs) has received so far. */
async function sentryEvents(): Promise<Record<string, unknown>[]> {
  const res = await fetch(`http://127.0.0.1:${E2E_SENTRY_PORT}/envelopes`);
  const envelopes = (await res.json()) as Envelope[];
  return envelopes.flatMap((e) =>
    e.items.filter((i) => i.header.type === 'event').map((i) => i.payload),
  );
}
const tagsOf = (event: Record<string, unknown>) => (event.tags ?? {}) as Record<string, string>;

test.afterEach(closePeople);

test('an admin sees real figures, sends a test error whose server, room and browser events reach Sentry, and the page is axe-clean', async ({
  browser,
  page,
}) => {
  // The admin: the address in ADMIN_EMAILS, verified as a GitHub or Google sign-in makes it.
  const admin = { name: 'Olga Ops', email: E2E_ADMIN_EMAIL, password: 'pw-olga-ops-secret' };
  await signUp(page, admin);
  const db = new Database(path.join(E2E_DATA_DIR, 'parley.db'));
  db.prepare('UPDATE users SET email_verified = 1 WHERE email = ?').run(E2E_ADMIN_EMAIL);
  db.close();

  const { page: member } = await personInBrowser(browser, 'Mia Member');
  await startDirect(page, 'Mia Member');
  for (const text of ['first for the figures', 'second', 'third']) await send(page, text);
  await expect(page.getByText('third', { exact: true })).toBeVisible();

  await page.goto('/admin/operations');
  await expect(page.getByRole('heading', { name: 'Operations', level: 1 })).toBeVisible();
  const messages = page.getByRole('region', { name: 'Messages' });
  await expect(messages).toContainText(/([3-9]|\d{2,}) messages sent in the last hour/);
  await expect(page.getByRole('region', { name: 'Requests' })).toContainText(/[1-9]\d* requests/);
  await expect(page.getByRole('region', { name: 'Circuit breakers' })).toContainText('All closed');
  const usage = page.getByRole('region', { name: 'Usage, last 30 days' });
  await expect(usage.getByRole('row')).toHaveCount(2); // the header and today
  // The charts (lazy-loaded uPlot) have drawn.
  await expect(page.locator('[data-chart][data-rendered="true"]')).toHaveCount(7);
  // What the rooms report: Olga's and Mia's tabs are connected to their inbox rooms, and the
  // messages went to both of them (deliveries from the publish answers).
  await expect(page.getByRole('region', { name: 'Realtime' })).toContainText(
    /([2-9]|\d{2,}) sockets connected \(one per open tab\); ([6-9]|\d{2,}) event deliveries/,
  );
  await expect(page.getByRole('region', { name: 'Latency' })).toContainText(
    /Send → rooms p50 \/ p99: \d+ ms \/ \d+ ms/,
  );
  await expect(usage.getByRole('columnheader')).toHaveText([
    'Day (UTC)',
    'Messages',
    'People active',
    'AI replies',
    'Calls',
    'Call minutes',
  ]);

  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await expect(page.getByRole('status')).toHaveText('Sentry is configured on the server.');
  await page.getByRole('button', { name: 'Send test error' }).click();
  const status = page.getByRole('status');
  await expect(status).toContainText('Test error sent to Sentry (request id');
  await expect(status).toContainText('A room was asked to fail too.');
  const requestId = /request id ([^)]+)\)/.exec((await status.textContent()) ?? '')?.[1];
  expect(requestId).toBeTruthy();

  // The server's event (with the request id) and the room's (from workerd) reach the ingest.
  await expect
    .poll(async () => (await sentryEvents()).some((e) => tagsOf(e).request_id === requestId), {
      timeout: 15_000,
    })
    .toBe(true);
  await expect
    .poll(
      async () =>
        (await sentryEvents()).some(
          (e) => tagsOf(e).runtime === 'partykit' && tagsOf(e).room === 'operations-test',
        ),
      { timeout: 15_000 },
    )
    .toBe(true);

  // The browser's error, thrown right after, arrives through the tunnel.
  await expect
    .poll(
      async () =>
        (await sentryEvents()).some((e) =>
          JSON.stringify(e.exception ?? {}).includes('Parley test error from the browser'),
        ),
      { timeout: 15_000 },
    )
    .toBe(true);

  // Someone else gets the 404 page, and the API says 403.
  const res = await member.goto('/admin/operations');
  expect(res?.status()).toBe(404);
  expect((await member.request.get('/api/v1/admin/operations')).status()).toBe(403);
});

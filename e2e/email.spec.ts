import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { parseEml, type ParsedEmail } from '../lib/email/eml';

import { closePeople, personInBrowser, send, startDirect } from './fixtures/chat';
import { openSettings } from './fixtures/people';
import { E2E_DATA_DIR } from './fixtures/server';

test.afterEach(closePeople);

/** The digest emails the server wrote to its outbox for `email`. */
async function emailsTo(email: string): Promise<ParsedEmail[]> {
  const dir = path.join(E2E_DATA_DIR, 'outbox');
  const files = await readdir(dir).catch(() => [] as string[]);
  const parsed = await Promise.all(
    files
      .filter((f) => f.endsWith('.eml'))
      .map(async (f) => parseEml(await readFile(path.join(dir, f)))),
  );
  return parsed.filter((m) => m.to.toLowerCase().includes(email.toLowerCase()));
}

test('unread DMs become one digest email; its unsubscribe link works signed out', async ({
  browser,
}) => {
  const nia = await personInBrowser(browser, 'Nia Mail');
  const oli = await personInBrowser(browser, 'Oli Mail');
  // Oli is elsewhere in the app, not reading the conversation.
  await openSettings(oli.page);

  await startDirect(nia.page, oli.person.name);
  await send(nia.page, 'Dinner on Friday?');
  await send(nia.page, 'Bring the map');

  // The e2e server sends digests after 3 s (EMAIL_DIGEST_DELAY_MINUTES in playwright.config.ts).
  await expect.poll(() => emailsTo(oli.person.email), { timeout: 20_000 }).toHaveLength(1);
  const [email] = await emailsTo(oli.person.email);
  expect(email!.subject).toMatch(/Nia Mail|unread/);
  expect(email!.text).toContain('Dinner on Friday?');
  expect(email!.text).toContain('Bring the map');
  expect(email!.headers['list-unsubscribe']).toMatch(/\/api\/email\/unsubscribe\?token=/);
  const link = /https?:\/\/[^\s>]+\/unsubscribe\?token=[\w.-]+/.exec(email!.text ?? '')?.[0];
  expect(link, 'the email carries an unsubscribe link').toBeTruthy();

  // The link works in a browser that is not signed in.
  const stranger = await browser.newContext();
  try {
    const page = await stranger.newPage();
    await page.goto(new URL(link!).pathname + new URL(link!).search);
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(page.getByRole('status')).toHaveText(/won't get email digests any more/);
  } finally {
    await stranger.close();
  }

  // Oli's settings say so, and nothing more is sent.
  await oli.page.reload();
  const section = oli.page.getByRole('region', { name: 'Notifications' });
  await expect(section.getByRole('switch', { name: /Email digests/ })).not.toBeChecked();
});

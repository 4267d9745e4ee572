import path from 'node:path';

import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';

import {
  callView,
  closePeople,
  composer,
  incomingCall,
  log,
  messageRow,
  personInBrowser,
  send,
  startDirect,
} from './fixtures/chat';
import { expectInViewport, expectNoHorizontalOverflow, longPress } from './fixtures/interface';
import { signIn, signUp } from './fixtures/people';
import { E2E_ADMIN_EMAIL, E2E_DATA_DIR } from './fixtures/server';

// Runs in the `phone` project only: 390 × 844, touch, mobile viewport (playwright.config.ts).
test.afterEach(closePeople);

test('every screen fits a 390 px phone without scrolling sideways, and the header is a menu', async ({
  browser,
  page,
}) => {
  for (const path of ['/', '/sign-in', '/sign-up']) {
    await page.goto(path);
    await expectNoHorizontalOverflow(page, path);
  }

  const ana = await personInBrowser(browser, 'Ana Phone');
  const ben = await personInBrowser(browser, 'Ben Phone');
  const p = ana.page;
  await expectNoHorizontalOverflow(p, 'chats list');

  // The header's links collapse into a menu.
  await expect(p.getByRole('navigation', { name: 'App' })).toBeHidden();
  await p.getByRole('button', { name: 'Menu' }).click();
  await p.getByRole('menuitem', { name: 'Settings' }).click();
  await expect(p.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expectNoHorizontalOverflow(p, 'settings');
  await p.getByRole('button', { name: 'Menu' }).click();
  await p.getByRole('menuitem', { name: 'Chats' }).click();
  await expect(p.getByRole('navigation', { name: 'Conversations' })).toBeVisible();

  // The New message dialog fits.
  await p.getByRole('button', { name: 'New message' }).click();
  const dialog = p.getByRole('dialog', { name: 'New message' });
  await expectInViewport(p, dialog, 'New message dialog');
  await expectNoHorizontalOverflow(p, 'New message dialog');
  await p.keyboard.press('Escape');

  await startDirect(p, ben.person.name);
  await send(p, 'A long link https://example.com/' + 'a'.repeat(120));
  await send(
    p,
    '```ts\nconst aVeryLongLineOfCode = "that must scroll inside its own block, not the page";\n```',
  );
  await expect(log(p).getByRole('button', { name: 'Copy' })).toBeVisible();
  await expectNoHorizontalOverflow(p, 'conversation');
  await expectInViewport(p, composer(p), 'composer');
});

test('settings with a long status and a new API token, and the admin pages, fit a 390 px phone', async ({
  page,
}) => {
  // The server's admin (ADMIN_EMAILS, verified): the same person operations.spec.ts uses, signed
  // up here unless an earlier spec on this server already did.
  const admin = { name: 'Olga Ops', email: E2E_ADMIN_EMAIL, password: 'pw-olga-ops-secret' };
  const db = new Database(path.join(E2E_DATA_DIR, 'parley.db'));
  try {
    const known = db.prepare('SELECT 1 FROM users WHERE email = ?').get(E2E_ADMIN_EMAIL);
    if (known) await signIn(page, admin);
    else await signUp(page, admin);
    db.prepare('UPDATE users SET email_verified = 1 WHERE email = ?').run(E2E_ADMIN_EMAIL);
  } finally {
    db.close();
  }
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeVisible();

  await page.goto('/settings');
  const profile = page.getByRole('form', { name: 'Profile' });
  await profile
    .getByLabel('Status')
    .fill('Travelling between Lisbon and Porto all week; replies come in the evenings');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved').first()).toBeVisible();
  await page.getByLabel('Token name').fill('a bot with a rather long name for a phone');
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByLabel('New token')).toHaveValue(/^plk_/);
  await expectNoHorizontalOverflow(page, 'settings with a status and a new token');

  for (const [where, heading] of [
    ['/admin/operations', 'Operations'],
    ['/admin/jobs', 'Jobs'],
  ] as const) {
    await page.goto(where);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expectNoHorizontalOverflow(page, where);
  }
});

test('a long press, or the always-visible ⋯, opens the message sheet: react, reply, pin, thread, edit, copy', async ({
  browser,
}) => {
  const ana = await personInBrowser(browser, 'Ana Touch');
  const ben = await personInBrowser(browser, 'Ben Touch');
  await ana.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await startDirect(ana.page, ben.person.name);
  await send(ana.page, 'Press and hold me');

  await ben.page
    .getByRole('navigation', { name: 'Conversations' })
    .getByRole('link', { name: /^Ana Touch/ })
    .click();
  const row = messageRow(ben.page, 'Press and hold me');
  await expect(row).toBeVisible();
  await longPress(ben.page, row.getByText('Press and hold me'));
  const sheet = ben.page.getByRole('dialog', { name: 'Message actions' });
  await expect(sheet).toBeVisible();
  await expectInViewport(ben.page, sheet, 'action sheet');
  await sheet.getByRole('button', { name: 'React with heart' }).click();
  await expect(sheet).toBeHidden();
  await expect(
    messageRow(ana.page, 'Press and hold me').getByRole('button', { name: /^❤️ 1/ }),
  ).toBeVisible();

  // Reply from the sheet.
  await longPress(ben.page, row.getByText('Press and hold me'));
  await sheet.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(ben.page.getByText(/Replying to/)).toBeVisible();

  // Pin, and Reply in thread, from the sheet too (a DM: anyone may pin).
  await longPress(ben.page, row.getByText('Press and hold me'));
  await sheet.getByRole('button', { name: 'Pin' }).click();
  await expect(
    messageRow(ana.page, 'Press and hold me').getByText('Pinned', { exact: true }),
  ).toBeVisible();
  await longPress(ben.page, row.getByText('Press and hold me'));
  await sheet.getByRole('button', { name: 'Reply in thread' }).click();
  const thread = ben.page.getByRole('complementary', { name: 'Thread' });
  await expect(thread).toBeVisible();
  await expectInViewport(ben.page, thread, 'thread screen');
  await thread.getByRole('button', { name: 'Close thread' }).click();
  await expect(thread).toBeHidden();

  // Ana's own message: the ⋯ button shows without hover; Copy text, then Edit.
  const mine = messageRow(ana.page, 'Press and hold me');
  const more = mine.getByRole('button', { name: 'More actions' });
  await expect(more).toBeVisible();
  await more.tap();
  const anaSheet = ana.page.getByRole('dialog', { name: 'Message actions' });
  await anaSheet.getByRole('button', { name: 'Copy text' }).click();
  await expect(ana.page.getByText('Text copied', { exact: true })).toBeVisible();
  expect(await ana.page.evaluate(() => navigator.clipboard.readText())).toBe('Press and hold me');
  await more.tap();
  await anaSheet.getByRole('button', { name: 'Copy link' }).click();
  expect(await ana.page.evaluate(() => navigator.clipboard.readText())).toMatch(
    /\/chats\/c_[^?]+\?message=/,
  );
  await more.tap();
  await anaSheet.getByRole('button', { name: 'Edit message' }).click();
  await expect(composer(ana.page)).toHaveValue('Press and hold me');
  await composer(ana.page).fill('Pressed and held');
  await composer(ana.page).press('Enter');
  await expect(log(ben.page).getByText('Pressed and held')).toBeVisible();
});

test('in a call on a phone the controls and tiles stay on screen, the own video a small overlay', async ({
  browser,
}) => {
  const ana = await personInBrowser(browser, 'Ana Phonecall');
  const ben = await personInBrowser(browser, 'Ben Phonecall');
  await startDirect(ana.page, ben.person.name);
  await ana.page.getByRole('button', { name: 'Start video call' }).click();
  await incomingCall(ben.page).getByRole('button', { name: 'Accept' }).click();
  const call = callView(ana.page);
  await expect(call.getByRole('group', { name: 'Ben Phonecall' })).toBeVisible();
  for (const name of ['Mute', 'Camera off', 'Hang up'])
    await expectInViewport(ana.page, call.getByRole('button', { name }), name);
  await expectInViewport(ana.page, call.getByRole('group', { name: 'Ben Phonecall' }), 'peer tile');
  const own = call.getByRole('group', { name: 'You' });
  await expectInViewport(ana.page, own, 'own tile');
  const box = await own.boundingBox();
  expect(box?.width ?? 999).toBeLessThanOrEqual(120);
  await expectNoHorizontalOverflow(ana.page, 'call');
  await call.getByRole('button', { name: 'Hang up' }).click();
  await expect(call).toBeHidden();
});

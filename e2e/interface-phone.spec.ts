import { expect, test } from '@playwright/test';

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

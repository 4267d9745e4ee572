import { expect, test, type Page } from '@playwright/test';

import {
  closePeople,
  conversationLink,
  messageRow,
  personInBrowser,
  send,
  startGroup,
} from './fixtures/chat';
import { openSettings } from './fixtures/people';

test.afterEach(closePeople);

const bell = (page: Page) => page.getByRole('button', { name: /^Notifications/ });

test('a mention makes the other person’s bell count go up live; clicking the notification opens the message and clears the count', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const gia = await personInBrowser(browser, 'Gia Bell');
  const hugo = await personInBrowser(browser, 'Hugo Bell');
  await expect(bell(hugo.page)).toHaveAccessibleName('Notifications');

  // Gia starts a group; Hugo stays on his conversation list (not looking at the group).
  await startGroup(gia.page, 'Bell Test', [hugo.person.name]);
  await expect(conversationLink(hugo.page, 'Bell Test')).toBeVisible();
  await send(gia.page, 'Plain hello, no mention');
  await send(gia.page, `@${hugo.person.name} can you review the draft?`);
  await expect(messageRow(gia.page, 'can you review the draft?')).toBeVisible();

  // The mention reaches Hugo's bell without a reload (the plain message does not: his default
  // level is mentions and DMs).
  await expect(bell(hugo.page)).toHaveAccessibleName('Notifications, 1 unread');

  await bell(hugo.page).click();
  const panel = hugo.page.getByRole('dialog', { name: 'Notifications' });
  const item = panel.getByRole('link', { name: /Gia Bell mentioned you in Bell Test/ });
  await expect(item).toBeVisible();
  await expect(item).toContainText('can you review the draft?');
  await item.click();

  // The conversation opens at the message, highlighted; reading it clears the bell.
  await expect(hugo.page).toHaveURL(/\/chats\/c_[^?]+\?message=m_/);
  await expect(hugo.page.getByRole('heading', { name: 'Bell Test', level: 1 })).toBeVisible();
  const target = messageRow(hugo.page, 'can you review the draft?');
  await expect(target).toBeVisible();
  await expect(hugo.page.locator('[data-targeted]')).toContainText('can you review the draft?');
  await expect(bell(hugo.page)).toHaveAccessibleName('Notifications');
});

test('notification settings: the level and email digests are saved; a muted conversation says so', async ({
  browser,
}) => {
  const ivy = await personInBrowser(browser, 'Ivy Prefs');
  const jon = await personInBrowser(browser, 'Jon Prefs');
  await startGroup(ivy.page, 'Quiet Room', [jon.person.name]);

  await ivy.page.getByRole('button', { name: 'Mute conversation' }).click();
  await expect(ivy.page.getByRole('button', { name: 'Unmute conversation' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await ivy.page.reload();
  await expect(ivy.page.getByRole('button', { name: 'Unmute conversation' })).toBeVisible();

  await openSettings(ivy.page);
  const section = ivy.page.getByRole('region', { name: 'Notifications' });
  await expect(section.getByRole('radio', { name: 'Mentions and direct messages' })).toBeChecked();
  await section.getByRole('radio', { name: 'All messages' }).check();
  await expect(ivy.page.getByText('Notification settings saved').first()).toBeVisible();
  await section.getByRole('switch', { name: /Email digests/ }).uncheck();
  await ivy.page.reload();
  await expect(section.getByRole('radio', { name: 'All messages' })).toBeChecked();
  await expect(section.getByRole('switch', { name: /Email digests/ })).not.toBeChecked();
});

/** What a tab does when it goes to the background (Playwright's pages are always visible). */
async function setTabVisibility(page: Page, state: 'visible' | 'hidden') {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { value, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

test('no notification while looking at the conversation; the same conversation in a background tab notifies', async ({
  browser,
}) => {
  const lia = await personInBrowser(browser, 'Lia Watch');
  const max = await personInBrowser(browser, 'Max Watch');
  await startGroup(lia.page, 'Watch Room', [max.person.name]);
  await conversationLink(max.page, 'Watch Room').click();
  await expect(max.page.getByRole('heading', { name: 'Watch Room', level: 1 })).toBeVisible();

  // Max is looking: the mention shows in the conversation and the bell stays quiet. The hidden
  // case below proves the job runs in well under the wait.
  await send(lia.page, `@${max.person.name} are you watching?`);
  await expect(messageRow(max.page, 'are you watching?')).toBeVisible();
  await max.page.waitForTimeout(3000);
  await expect(bell(max.page)).toHaveAccessibleName('Notifications');

  // Same conversation, tab in the background: the mention counts.
  await setTabVisibility(max.page, 'hidden');
  await send(lia.page, `@${max.person.name} still there?`);
  await expect(bell(max.page)).toHaveAccessibleName('Notifications, 1 unread');
  // Back in front, the conversation is read and so is the notification.
  await setTabVisibility(max.page, 'visible');
  await expect(bell(max.page)).toHaveAccessibleName('Notifications');
});

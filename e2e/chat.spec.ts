import { expect, test } from '@playwright/test';

import {
  composer,
  conversationLink,
  log,
  personInBrowser,
  send,
  startDirect,
} from './fixtures/chat';

test('a direct message is delivered both ways without a reload, and typing shows and clears', async ({
  browser,
}) => {
  const ana = await personInBrowser(browser, 'Ana Direct');
  const ben = await personInBrowser(browser, 'Ben Direct');

  await startDirect(ana.page, ben.person.name);
  await send(ana.page, 'Hello Ben, **welcome**!');
  await expect(log(ana.page).getByText('Hello Ben,')).toBeVisible();

  // Ben sees the conversation appear with an unread badge, then opens it.
  const link = conversationLink(ben.page, ana.person.name);
  await expect(link.getByLabel('1 unread')).toBeVisible();
  await link.click();
  await expect(log(ben.page).getByText('Hello Ben,')).toBeVisible();
  await expect(log(ben.page).locator('strong', { hasText: 'welcome' })).toBeVisible();
  await expect(link.getByLabel(/unread/)).toHaveCount(0);

  // Typing shows on the other side and clears on send.
  await composer(ben.page).pressSequentially('Hi An', { delay: 30 });
  await expect(
    ana.page.getByRole('status').filter({ hasText: 'Ben Direct is typing…' }),
  ).toBeVisible();
  await composer(ben.page).press('Enter');
  await expect(log(ana.page).getByText('Hi An')).toBeVisible();
  await expect(ana.page.getByText('Ben Direct is typing…')).toHaveCount(0);

  // Ana has read Ben's reply: Ben sees "Seen" under it.
  await expect(log(ben.page).getByText('Seen', { exact: true })).toBeVisible();
});

import { expect, test, type Page } from '@playwright/test';

import {
  closePeople,
  log,
  messageActions,
  messageRow,
  openConversation,
  personInBrowser,
  send,
  startDirect,
} from './fixtures/chat';

test.afterEach(closePeople);

const threadPanel = (page: Page) => page.getByRole('complementary', { name: 'Thread' });
const threadLog = (page: Page) => threadPanel(page).getByRole('log', { name: 'Thread replies' });
const threadsLink = (page: Page) => page.getByRole('link', { name: /^Threads/ });

test('a thread reply shows "1 reply" and an unread thread live on the other side; the thread works at phone width', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const ana = await personInBrowser(browser, 'Ana Thread');
  const ben = await personInBrowser(browser, 'Ben Thread');
  await startDirect(ben.page, ana.person.name);
  await send(ben.page, 'Lunch at noon?');
  await openConversation(ana.page, ben.person.name);
  await expect(messageRow(ana.page, 'Lunch at noon?')).toBeVisible();

  // Ana replies in the thread of Ben's message, from its menu.
  const toolbar = await messageActions(ana.page, 'Lunch at noon?');
  await toolbar.getByRole('button', { name: 'Reply in thread' }).click();
  const reply = threadPanel(ana.page).getByRole('textbox', { name: 'Thread reply' });
  await reply.fill('The pizza place?');
  await reply.press('Enter');
  await expect(threadLog(ana.page).getByText('The pizza place?')).toBeVisible();

  // Ben, who wrote the root, follows the thread: "1 reply" and an unread thread, live.
  const summary = messageRow(ben.page, 'Lunch at noon?').getByRole('button', {
    name: /^1 reply, last reply .*Open thread$/,
  });
  await expect(summary).toBeVisible();
  await expect(threadsLink(ben.page)).toHaveAccessibleName('Threads, 1 unread');
  // The reply stays in its thread, out of the main timeline.
  await expect(messageRow(ben.page, 'The pizza place?')).toHaveCount(0);
  await expect(messageRow(ana.page, 'The pizza place?')).toHaveCount(0);

  // On a phone the thread is a screen of its own, with its own composer, and nothing overflows.
  await ben.page.setViewportSize({ width: 390, height: 844 });
  await summary.click();
  const panel = threadPanel(ben.page);
  await expect(panel).toBeVisible();
  await expect(threadLog(ben.page).getByText('The pizza place?')).toBeVisible();
  const box = await panel.boundingBox();
  expect(box?.width).toBe(390);
  const benReply = panel.getByRole('textbox', { name: 'Thread reply' });
  await benReply.fill('Yes, see you there');
  await benReply.press('Enter');
  await expect(threadLog(ben.page).getByText('Yes, see you there')).toBeVisible();
  await expect(threadLog(ana.page).getByText('Yes, see you there')).toBeVisible();
  // Ana has the thread open: Ben sees she read his reply (receipts per thread).
  await expect(panel.getByText(`Seen by ${ana.person.name}`)).toBeVisible();
  // Nothing in the thread's screen is wider than the phone (the page's own header is outside
  // this panel, which covers it).
  for (const part of [panel, threadLog(ben.page)]) {
    const { scrollWidth, clientWidth } = await part.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  }
  await panel.getByRole('button', { name: 'Close thread' }).click();
  await expect(panel).toBeHidden();
  // Back on a wide screen (the sidebar shows again): reading the thread cleared its unread mark.
  await ben.page.setViewportSize({ width: 1280, height: 720 });
  await expect(threadsLink(ben.page)).toHaveAccessibleName('Threads');
  await expect(
    messageRow(ben.page, 'Lunch at noon?').getByRole('button', { name: /^2 replies/ }),
  ).toBeVisible();

  // The Threads view lists it for Ana (she replied, so she follows), read.
  await threadsLink(ana.page).click();
  await expect(ana.page.getByRole('link', { name: `Thread in ${ben.person.name}` })).toBeVisible();
});

test('pin and unpin show live on both sides, with "pinned a message" and the Pinned list', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const ana = await personInBrowser(browser, 'Ana Pin');
  const ben = await personInBrowser(browser, 'Ben Pin');
  await startDirect(ana.page, ben.person.name);
  await send(ana.page, 'Door code is 4711');
  await openConversation(ben.page, ana.person.name);
  await expect(messageRow(ben.page, 'Door code is 4711')).toBeVisible();

  // Ben pins Ana's message (anyone may in a DM): both see it pinned and the system line.
  await (
    await messageActions(ben.page, 'Door code is 4711')
  )
    .getByRole('button', { name: 'Pin' })
    .click();
  for (const page of [ana.page, ben.page]) {
    await expect(page.getByRole('button', { name: /^Pinned \(\s*1\s*\)$/ })).toBeVisible();
    await expect(messageRow(page, 'Door code is 4711').getByText('Pinned')).toBeVisible();
  }
  await expect(log(ana.page).getByText('Ben Pin pinned a message')).toBeVisible();
  await expect(log(ben.page).getByText('You pinned a message')).toBeVisible();

  // Ana's Pinned list shows it; choosing it jumps to the message.
  await ana.page.getByRole('button', { name: /^Pinned \(\s*1\s*\)$/ }).click();
  const list = ana.page.getByRole('dialog', { name: 'Pinned messages' });
  await list.getByRole('button', { name: /Door code is 4711/ }).click();
  await expect(list).toBeHidden();
  await expect(ana.page).toHaveURL(/\?message=m_/);
  await expect(messageRow(ana.page, 'Door code is 4711')).toBeVisible();

  // Ana unpins it: gone on both sides, live.
  await (
    await messageActions(ana.page, 'Door code is 4711')
  )
    .getByRole('button', { name: 'Unpin' })
    .click();
  for (const page of [ana.page, ben.page]) {
    await expect(page.getByRole('button', { name: 'Pinned (0)' })).toBeVisible();
    await expect(messageRow(page, 'Door code is 4711').getByText('Pinned')).toHaveCount(0);
  }
});

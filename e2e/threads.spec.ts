import { expect, test, type Page } from '@playwright/test';

import {
  closePeople,
  composer,
  conversationLink,
  log,
  messageActions,
  messageRow,
  openConversation,
  personInBrowser,
  send,
  startDirect,
  startGroup,
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
  // Replying to one message of the thread quotes it, as in the main timeline.
  const anaReply = threadLog(ben.page).getByRole('article').filter({ hasText: 'The pizza place?' });
  await anaReply.hover();
  await anaReply
    .getByRole('toolbar', { name: 'Message actions' })
    .getByRole('button', { name: 'Reply' })
    .click();
  await benReply.fill('The one on the corner');
  await benReply.press('Enter');
  // Ana sees her own message quoted as "You".
  for (const [page, author] of [
    [ben.page, ana.person.name],
    [ana.page, 'You'],
  ] as const) {
    await expect(
      threadLog(page)
        .getByRole('article')
        .filter({ hasText: 'The one on the corner' })
        .getByRole('button', {
          name: `Replying to ${author}: The pizza place?. Show the original message`,
        }),
    ).toBeVisible();
  }
  // Clicking the quote shows the original in the thread (not in the main timeline, where a
  // thread-only reply is not), highlighted for a moment.
  // (By keyboard: a pointer over the reply shows its toolbar on top of the quote.)
  await threadLog(ben.page)
    .getByRole('button', { name: /^Replying to .*The pizza place\?/ })
    .press('Enter');
  // (Ben's reply quotes it too: the original is the one that is not his.)
  const original = anaReply.filter({ hasNotText: 'The one on the corner' });
  await expect(original).toHaveAttribute('data-flash', 'true');
  await expect(original).toBeInViewport();
  expect(ben.page.url()).not.toContain('message=');
  // Reply on the thread's root, in its panel, goes to the thread's composer (on a phone the
  // conversation's composer is not even on screen).
  const root = threadLog(ben.page).getByRole('article').filter({ hasText: 'Lunch at noon?' });
  await root.hover();
  await root
    .getByRole('toolbar', { name: 'Message actions' })
    .getByRole('button', { name: 'Reply', exact: true })
    .click();
  await panel.getByRole('button', { name: 'Cancel (Esc)' }).click();
  await expect(panel.getByRole('button', { name: 'Cancel (Esc)' })).toBeHidden();
  await panel.getByRole('button', { name: 'Close thread' }).click();
  await expect(panel).toBeHidden();
  // Back on a wide screen (the sidebar shows again): reading the thread cleared its unread mark.
  await ben.page.setViewportSize({ width: 1280, height: 720 });
  await expect(threadsLink(ben.page)).toHaveAccessibleName('Threads');
  await expect(
    messageRow(ben.page, 'Lunch at noon?').getByRole('button', { name: /^3 replies/ }),
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

async function openDetails(page: Page, group: string) {
  await page.getByRole('button', { name: 'Conversation details' }).click();
  return page.getByRole('dialog', { name: `${group}: details` });
}

test('a group’s admins choose who may pin; replies kept in a thread leave the unread badge alone', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const ana = await personInBrowser(browser, 'Ana Policy');
  const ben = await personInBrowser(browser, 'Ben Policy');
  await startGroup(ana.page, 'Policy Team', [ben.person.name]);
  await send(ana.page, 'House rules');
  await openConversation(ben.page, 'Policy Team');
  await expect(messageRow(ben.page, 'House rules')).toBeVisible();

  // Ben, a member, sees who may pin but cannot change it, and may not pin Ana's message.
  const benDetails = await openDetails(ben.page, 'Policy Team');
  const benPolicy = benDetails.getByRole('group', { name: 'Who can pin messages' });
  await expect(
    benPolicy.getByRole('radio', { name: 'Admins and the message’s author' }),
  ).toBeChecked();
  await expect(benPolicy.getByRole('radio', { name: 'Everyone' })).toBeDisabled();
  await ben.page.keyboard.press('Escape');
  await expect(benDetails).toBeHidden();
  const toolbar = await messageActions(ben.page, 'House rules');
  await expect(toolbar.getByRole('button', { name: 'Pin' })).toHaveCount(0);

  // Ana, the owner, lets everyone pin: Ben can at once.
  const anaDetails = await openDetails(ana.page, 'Policy Team');
  const everyone = anaDetails
    .getByRole('group', { name: 'Who can pin messages' })
    .getByRole('radio', { name: 'Everyone' });
  await everyone.click();
  await expect(everyone).toBeChecked();
  await ana.page.keyboard.press('Escape');
  await (
    await messageActions(ben.page, 'House rules')
  )
    .getByRole('button', { name: 'Pin' })
    .click();
  await expect(ben.page.getByRole('button', { name: /^Pinned \(\s*1\s*\)$/ })).toBeVisible();

  // Ben writes, then leaves for the Threads view; Ana answers him in a thread only.
  await send(ben.page, 'Agenda for Monday');
  await expect(messageRow(ana.page, 'Agenda for Monday')).toBeVisible();
  await threadsLink(ben.page).click();
  await expect(ben.page).toHaveURL(/\/chats\/threads/);
  await (
    await messageActions(ana.page, 'Agenda for Monday')
  )
    .getByRole('button', { name: 'Reply in thread' })
    .click();
  const reply = threadPanel(ana.page).getByRole('textbox', { name: 'Thread reply' });
  await reply.fill('Item one: lunch');
  await reply.press('Enter');
  // It counts in Ben's Threads, not in the group's unread badge.
  await expect(threadsLink(ben.page)).toHaveAccessibleName('Threads, 1 unread');
  await expect(conversationLink(ben.page, 'Policy Team')).not.toHaveAccessibleName(/unread/);
  // A message in the main timeline does.
  await composer(ana.page).fill('Lunch is at noon');
  await composer(ana.page).press('Enter');
  await expect(conversationLink(ben.page, 'Policy Team')).toHaveAccessibleName(/, 1 unread$/);
});

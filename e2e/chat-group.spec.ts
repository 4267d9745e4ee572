import { expect, test, type Page } from '@playwright/test';

import {
  closePeople,
  conversationId,
  conversationLink,
  log,
  messageRow,
  openConversation,
  personInBrowser,
  send,
  startDirect,
  startGroup,
} from './fixtures/chat';

test.afterEach(closePeople);

test('a group of three talks live with "Seen by 2" and presence; unread badges count up and clear; a non-member gets "Conversation not found"', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const gia = await personInBrowser(browser, 'Gia Group');
  const hugo = await personInBrowser(browser, 'Hugo Group');
  const iris = await personInBrowser(browser, 'Iris Group');

  // A direct conversation between Gia and Hugo: Gia sees Hugo online.
  await startDirect(gia.page, hugo.person.name);
  const direct = gia.page.url();
  // The dot beside the list's link is decoration for screen readers (the header says it in words).
  await expect(
    conversationLink(gia.page, hugo.person.name).locator('..').locator('[data-presence="online"]'),
  ).toBeVisible();
  await expect(gia.page.getByTestId('conversation-status')).toHaveText('Online');

  // Iris is not in it: its address shows "Conversation not found", and no messages.
  await iris.page.goto(direct);
  await expect(
    iris.page.getByRole('heading', { name: 'Conversation not found', level: 1 }),
  ).toBeVisible();
  await expect(log(iris.page)).toHaveCount(0);
  await iris.page.getByRole('link', { name: 'Back to your conversations' }).click();
  await expect(iris.page).toHaveURL(/\/chats$/);

  // Gia creates a group with both; it appears for Hugo and Iris without a reload.
  await startGroup(gia.page, 'Trio Plans', [hugo.person.name, iris.person.name]);
  await expect(gia.page.getByTestId('conversation-status')).toContainText('3 members, 2 online');
  for (const other of [hugo, iris]) {
    await openConversation(other.page, 'Trio Plans');
  }

  // Everyone sees everyone's messages live.
  await send(gia.page, 'Hi both, Friday?');
  await send(hugo.page, 'Friday works for Hugo');
  await send(iris.page, 'Friday works for Iris');
  for (const p of [gia, hugo, iris]) {
    for (const text of ['Hi both, Friday?', 'Friday works for Hugo', 'Friday works for Iris'])
      await expect(messageRow(p.page, text)).toBeVisible();
  }

  // Gia's newest message is read by both others: "Seen by 2", naming them.
  await send(gia.page, 'Great, booked');
  await expect(messageRow(hugo.page, 'Great, booked')).toBeVisible();
  await expect(messageRow(iris.page, 'Great, booked')).toBeVisible();
  await expect(
    log(gia.page).getByRole('button', {
      name: /^Seen by 2: (Hugo Group, Iris Group|Iris Group, Hugo Group)$/,
    }),
  ).toBeVisible();

  // Iris goes to the list; Hugo stays in the group. Gia writes to Hugo directly: his badge for
  // that conversation counts up while he reads the group.
  await iris.page
    .getByRole('navigation', { name: 'App' })
    .getByRole('link', { name: 'Chats' })
    .click();
  await expect(iris.page).toHaveURL(/\/chats$/);
  await openConversation(gia.page, hugo.person.name);
  const giaForHugo = conversationLink(hugo.page, gia.person.name);
  await send(gia.page, 'Psst, first');
  await expect(giaForHugo.getByLabel('1 unread')).toBeVisible();
  await send(gia.page, 'Psst, second');
  await expect(giaForHugo.getByLabel('2 unread')).toBeVisible();
  // The group Hugo has open stays without a badge.
  await expect(conversationLink(hugo.page, 'Trio Plans').getByLabel(/unread/)).toHaveCount(0);

  // Back in the group, Gia writes again: Iris, on the list, gets a badge.
  await openConversation(gia.page, 'Trio Plans');
  await send(gia.page, 'See you there');
  const trioForIris = conversationLink(iris.page, 'Trio Plans');
  await expect(trioForIris.getByLabel('1 unread')).toBeVisible();

  // Opening clears the badge; "New messages" sits right above the first unread message.
  await openConversation(hugo.page, gia.person.name);
  await expect(messageRow(hugo.page, 'Psst, second')).toBeVisible();
  await expect(giaForHugo.getByLabel(/unread/)).toHaveCount(0);
  await expect(log(hugo.page).getByRole('separator', { name: 'New messages' })).toBeVisible();
  await expectDividerRightBefore(hugo.page, 'Psst, first');

  await openConversation(iris.page, 'Trio Plans');
  await expect(messageRow(iris.page, 'See you there')).toBeVisible();
  await expect(trioForIris.getByLabel(/unread/)).toHaveCount(0);
  await expectDividerRightBefore(iris.page, 'See you there');
  // The read is stored: the server counts nothing unread, and the list stays clear once Iris
  // leaves the conversation.
  const trioId = await conversationId(iris.page, 'Trio Plans');
  await expect
    .poll(async () => {
      const res = await iris.page.request.get(`/api/v1/conversations/${trioId}`);
      return ((await res.json()) as { conversation: { unreadCount: number } }).conversation
        .unreadCount;
    })
    .toBe(0);
  await iris.page
    .getByRole('navigation', { name: 'App' })
    .getByRole('link', { name: 'Chats' })
    .click();
  await expect(iris.page).toHaveURL(/\/chats$/);
  await expect(trioForIris).not.toHaveAttribute('aria-current', 'page');
  await expect(trioForIris.getByLabel(/unread/)).toHaveCount(0);
});

/** The "New messages" divider is the row just above the message with `text`. */
async function expectDividerRightBefore(page: Page, text: string) {
  await expect
    .poll(() =>
      log(page).evaluate((el, t) => {
        const rows = [
          ...el.querySelectorAll('[role="separator"][aria-label="New messages"], [role="article"]'),
        ];
        const at = rows.findIndex((r) => r.getAttribute('role') === 'separator');
        return at >= 0 ? (rows[at + 1]?.textContent ?? '').includes(t) : false;
      }, text),
    )
    .toBe(true);
}

/** Daily use in a conversation: drafts, groups, the message menu, replies, New messages. */
import { expect, test } from '@playwright/test';

import {
  closePeople,
  composer,
  conversationId,
  conversationLink,
  log,
  messageActions,
  messageRow,
  openConversation,
  personInBrowser,
  seedMessages,
  send,
  startDirect,
  startGroup,
} from './fixtures/chat';

test.afterEach(closePeople);

test('a draft survives switching conversations and a reload, and the sidebar marks it', async ({
  browser,
}) => {
  const ana = await personInBrowser(browser, 'Ana Draft');
  const ben = await personInBrowser(browser, 'Ben Draft');
  await startDirect(ana.page, ben.person.name);
  await startGroup(ana.page, 'Draft club', [ben.person.name]);
  await openConversation(ana.page, ben.person.name);
  await composer(ana.page).fill('A half-written thought');
  await openConversation(ana.page, 'Draft club');
  await expect(composer(ana.page)).toHaveValue('');
  const directLink = conversationLink(ana.page, ben.person.name);
  await expect(directLink.getByTestId('draft-mark')).toHaveText('Draft: A half-written thought');
  await ana.page.reload();
  await expect(directLink.getByTestId('draft-mark')).toBeVisible();
  await openConversation(ana.page, ben.person.name);
  await expect(composer(ana.page)).toHaveValue('A half-written thought');
  // Sending it ends the draft.
  await composer(ana.page).press('Enter');
  await expect(messageRow(ana.page, 'A half-written thought')).toBeVisible();
  await expect(composer(ana.page)).toHaveValue('');
  await openConversation(ana.page, 'Draft club');
  await expect(directLink.getByTestId('draft-mark')).toHaveCount(0);
});

test('group management: rename, add people, make admin, remove, leave', async ({ browser }) => {
  test.setTimeout(90_000);
  const ana = await personInBrowser(browser, 'Ana Manage');
  const ben = await personInBrowser(browser, 'Ben Manage');
  const cleo = await personInBrowser(browser, 'Cleo Manage');
  await startGroup(ana.page, 'Team room', [ben.person.name]);
  await openConversation(ben.page, 'Team room');

  const details = ana.page.getByRole('dialog', { name: /details/ });
  await ana.page.getByRole('button', { name: 'Conversation details' }).click();
  const members = details.getByRole('list', { name: 'Members' });
  await expect(members.getByRole('listitem')).toHaveCount(2);
  await expect(members.getByRole('listitem').filter({ hasText: ana.person.name })).toContainText(
    'Owner',
  );
  // Rename: Ben sees the new name live.
  await details.getByLabel('Group name').fill('Launch room');
  await details.getByRole('button', { name: 'Rename' }).click();
  await expect(ben.page.getByRole('heading', { name: 'Launch room', level: 1 })).toBeVisible();
  // Add Cleo.
  await details.getByLabel('Find people to add').fill(cleo.person.name);
  await details.getByRole('button', { name: `Add ${cleo.person.name}` }).click();
  await expect(members.getByRole('listitem')).toHaveCount(3);
  await expect(conversationLink(cleo.page, 'Launch room')).toBeVisible();
  // Make Ben an admin: his panel now offers to remove people.
  await details.getByRole('button', { name: `Make ${ben.person.name} an admin` }).click();
  await expect(members.getByRole('listitem').filter({ hasText: ben.person.name })).toContainText(
    'Admin',
  );
  await ben.page.getByRole('button', { name: 'Conversation details' }).click();
  const benDetails = ben.page.getByRole('dialog', { name: /details/ });
  await benDetails.getByRole('button', { name: `Remove ${cleo.person.name}` }).click();
  await expect(benDetails.getByRole('list', { name: 'Members' }).getByRole('listitem')).toHaveCount(
    2,
  );
  await expect(conversationLink(cleo.page, 'Launch room')).toHaveCount(0);
  // Ben leaves.
  await benDetails.getByRole('button', { name: 'Leave group' }).click();
  await expect(ben.page).toHaveURL(/\/chats$/);
  await expect(conversationLink(ben.page, 'Launch room')).toHaveCount(0);
  await expect(members.getByRole('listitem')).toHaveCount(1);
  await expect(details.getByRole('heading', { name: 'Shared images' })).toBeVisible();
});

test('message menu: react from the full emoji set (recent first), copy a link to a message, mark unread', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const ana = await personInBrowser(browser, 'Ana Menu');
  const ben = await personInBrowser(browser, 'Ben Menu');
  await ana.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await startDirect(ben.page, ana.person.name);
  for (const text of ['First words', 'Second words', 'Third words']) await send(ben.page, text);
  await startGroup(ana.page, 'Elsewhere', [ben.person.name]);
  await openConversation(ana.page, ben.person.name);
  await expect(messageRow(ana.page, 'Third words')).toBeVisible();

  // React with an emoji found by search in the full set.
  const toolbar = await messageActions(ana.page, 'First words');
  await toolbar.getByRole('button', { name: 'Add reaction' }).click();
  const picker = ana.page.getByRole('dialog', { name: 'Pick a reaction' });
  await picker.getByRole('searchbox', { name: 'Search emoji' }).fill('avocado');
  await picker.getByRole('button', { name: 'avocado', exact: true }).click();
  await expect(
    messageRow(ben.page, 'First words').getByRole('button', { name: /^🥑 1/ }),
  ).toBeVisible();
  // Recently used comes first next time.
  await (
    await messageActions(ana.page, 'Second words')
  )
    .getByRole('button', { name: 'Add reaction' })
    .click();
  await expect(
    picker.getByRole('list', { name: 'Recently used' }).getByRole('button'),
  ).toHaveAccessibleName('React with 🥑 again');
  await ana.page.keyboard.press('Escape');

  // Copy link: it opens the conversation at that message, highlighted.
  await (
    await messageActions(ana.page, 'First words')
  )
    .getByRole('button', { name: 'More actions' })
    .click();
  await ana.page.getByRole('menuitem', { name: 'Copy link' }).click();
  const link = await ana.page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/chats\/c_[^?]+\?message=/);
  await ben.page.goto(link);
  await expect(log(ben.page).locator('[data-targeted]')).toContainText('First words');

  // Mark unread from the second message: the badge says 2 until Ana reads it again.
  await (
    await messageActions(ana.page, 'Second words')
  )
    .getByRole('button', { name: 'More actions' })
    .click();
  await ana.page.getByRole('menuitem', { name: 'Mark unread' }).click();
  const badge = conversationLink(ana.page, ben.person.name).getByTestId('unread-badge');
  await expect(badge).toHaveText('2');
  await openConversation(ana.page, 'Elsewhere');
  await expect(badge).toHaveText('2');
  await openConversation(ana.page, ben.person.name);
  await expect(badge).toHaveCount(0);
  await openConversation(ana.page, 'Elsewhere');
  await expect(badge).toHaveCount(0);
});

test('typing "AI" in New message finds Parley AI; its conversation has no presence dot and no call buttons', async ({
  browser,
}) => {
  const { page } = await personInBrowser(browser, 'Ana Assistant');
  await page.getByRole('button', { name: 'New message' }).click();
  const dialog = page.getByRole('dialog', { name: 'New message' });
  await dialog.getByLabel('Find a person').fill('AI');
  await dialog
    .getByRole('button', { name: /Parley AI/ })
    .first()
    .click();
  const view = page.getByRole('region', { name: 'Parley AI' });
  await expect(page.getByRole('heading', { name: 'Parley AI', level: 1 })).toBeVisible();
  await expect(page.getByTestId('conversation-status')).toHaveText('AI assistant');
  await expect(page.getByRole('button', { name: /Start (voice|video) call/ })).toHaveCount(0);
  await expect(view.locator('[data-presence]')).toHaveCount(0);
  await expect(conversationLink(page, 'Parley AI').locator('[data-presence]')).toHaveCount(0);
});

test('a reply quote shows plain text and clicking it scrolls to the original and highlights it', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const ana = await personInBrowser(browser, 'Ana Quote');
  const ben = await personInBrowser(browser, 'Ben Quote');
  await startDirect(ana.page, ben.person.name);
  const id = await conversationId(ana.page, ben.person.name);
  await send(ana.page, 'The **bold** plan with `code`');
  await seedMessages([ana.page, ben.page], id, 40, (i) => `Filler ${i}`);
  const res = await ben.page.request.get(`/api/v1/conversations/${id}/messages?limit=100`);
  const { messages } = (await res.json()) as { messages: { id: string; body: string }[] };
  const original = messages.find((m) => m.body.startsWith('The **bold**'))!;
  // Ben has just sent 20 of the fillers: his send limit may make him wait (Retry-After).
  for (let attempt = 0; ; attempt++) {
    const reply = await ben.page.request.post(`/api/v1/conversations/${id}/messages`, {
      data: { body: 'Agreed', clientId: 'reply-to-the-bold-plan', replyToId: original.id },
    });
    if (reply.ok()) break;
    expect(reply.status(), await reply.text()).toBe(429);
    expect(attempt).toBeLessThan(5);
    await ben.page.waitForTimeout((Number(reply.headers()['retry-after']) || 1) * 1000);
  }
  await openConversation(ben.page, ana.person.name);
  const quote = messageRow(ben.page, 'Agreed').getByRole('button', { name: /^Replying to/ });
  await expect(quote).toHaveText(`Replying to ${ana.person.name}: The bold plan with code`);
  const originalRow = messageRow(ben.page, 'The bold plan').filter({ hasNotText: 'Agreed' });
  await expect(originalRow).not.toBeInViewport();
  await quote.click();
  const target = log(ben.page).locator('[data-targeted]');
  await expect(target).toContainText('The bold plan with code');
  await expect(target).toBeInViewport();
});

test('"New messages" marks only what arrived before the conversation was opened', async ({
  browser,
}) => {
  const ana = await personInBrowser(browser, 'Ana Divider');
  const ben = await personInBrowser(browser, 'Ben Divider');
  await startDirect(ben.page, ana.person.name);
  await send(ben.page, 'Sent before Ana looks');
  await startGroup(ana.page, 'Somewhere else', [ben.person.name]);
  await openConversation(ana.page, ben.person.name);
  const divider = log(ana.page).getByRole('separator', { name: 'New messages' });
  await expect(divider).toBeVisible();
  await openConversation(ana.page, 'Somewhere else');
  await openConversation(ana.page, ben.person.name);
  // Everything was read: no divider, and none for what arrives while Ana watches.
  await expect(messageRow(ana.page, 'Sent before Ana looks')).toBeVisible();
  await send(ben.page, 'Sent while Ana watches');
  await expect(messageRow(ana.page, 'Sent while Ana watches')).toBeVisible();
  await expect(divider).toHaveCount(0);
});

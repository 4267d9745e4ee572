import { expect, test } from '@playwright/test';

import {
  closePeople,
  conversationId,
  log,
  messageRow,
  openConversation,
  personInBrowser,
  seedMessages,
  send,
  startDirect,
  startGroup,
} from './fixtures/chat';

// The app talks to scripts/fake-openai.mjs (playwright.config.ts), which streams a fixed reply
// quoting the last message, pausing after its first words until the test releases it.
const ENDING = 'This reply was streamed in small pieces.';

/** The fake provider holds each reply after its first words until released (see its header). */
async function releaseReply() {
  const res = await fetch(`http://127.0.0.1:${process.env.E2E_AI_PORT || 3198}/release`, {
    method: 'POST',
  });
  expect(res.status).toBe(204);
}

test.afterEach(closePeople);

test('a direct message to Parley AI shows the reply as it streams, then as one message', async ({
  browser,
}) => {
  const ana = await personInBrowser(browser, 'Ana Asks');

  // The assistant is a person in the directory, marked as AI.
  await startDirect(ana.page, 'Parley AI');
  await send(ana.page, 'hello');

  // First the draft: part of the answer, labelled as the assistant replying.
  const draft = ana.page.getByRole('status', { name: 'Parley AI is replying' });
  await expect(draft).toContainText('Hello from');
  expect(await draft.textContent()).not.toContain(ENDING);
  await releaseReply();

  // Then the stored message replaces it, quoting what was asked (the context reached the provider).
  const reply = messageRow(ana.page, ENDING);
  await expect(reply).toBeVisible();
  await expect(reply).toContainText('Hello from the fake AI! You said: “hello”.');
  await expect(reply).toHaveAttribute('aria-label', /^Parley AI at /);
  await expect(draft).toHaveCount(0);

  // One reply, also after a reload (stored, not just shown).
  await ana.page.reload();
  await expect(log(ana.page).getByRole('article').filter({ hasText: ENDING })).toHaveCount(1);
});

test('@ai in a group brings Parley AI in, and everyone watches the reply arrive', async ({
  browser,
}) => {
  const ana = await personInBrowser(browser, 'Ana Group');
  const ben = await personInBrowser(browser, 'Ben Group');
  await startGroup(ana.page, 'AI trip', [ben.person.name]);
  // Enough history to scroll, none of it for the assistant.
  const id = await conversationId(ana.page, 'AI trip');
  await seedMessages([ana.page], id, 18, (i) => `plan ${i}`);
  await ana.page.reload();
  await expect(log(ana.page).getByText('plan 18', { exact: true })).toBeVisible();
  await openConversation(ben.page, 'AI trip');

  await send(ana.page, '@ai hello');
  await expect(log(ana.page).getByText('You added Parley AI')).toBeVisible();
  await expect(log(ben.page).getByText('Ana Group added Parley AI')).toBeVisible();

  // Both see the draft. The history above it still ends with its newest row in sight: the
  // draft took room from the list, it did not cover the end of it.
  const drafts = [ana.page, ben.page].map((page) =>
    page.getByRole('status', { name: 'Parley AI is replying' }),
  );
  await Promise.all(drafts.map((draft) => expect(draft).toContainText('Hello from')));
  const newest = log(ana.page).getByText('You added Parley AI');
  // How far the newest row reaches below the end of the list, while the draft is still there.
  const hiddenBelow = async () => {
    const [row, list] = await Promise.all([newest.boundingBox(), log(ana.page).boundingBox()]);
    expect(await drafts[0]!.count(), 'the draft is still on screen').toBe(1);
    return row && list ? row.y + row.height - (list.y + list.height) : Infinity;
  };
  await expect.poll(hiddenBelow, { timeout: 1000 }).toBeLessThanOrEqual(0);
  await releaseReply();

  for (const page of [ana.page, ben.page]) {
    await expect(messageRow(page, ENDING)).toContainText('You said: “@ai hello”');
  }
  await Promise.all(drafts.map((draft) => expect(draft).toHaveCount(0)));
});

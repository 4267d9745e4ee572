import { expect, test } from '@playwright/test';

import { closePeople, log, messageRow, personInBrowser, send, startDirect } from './fixtures/chat';

// The app talks to scripts/fake-openai.mjs (playwright.config.ts), which streams a fixed reply
// quoting the last message over about 1.5 s: long enough to watch the draft grow.
const ENDING = 'This reply was streamed in small pieces.';

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

import { expect, test } from '@playwright/test';

import {
  closePeople,
  composer,
  conversationLink,
  log,
  messageActions,
  messageRow,
  personInBrowser,
  send,
  startDirect,
  writePng,
} from './fixtures/chat';

test.afterEach(closePeople);

test('a reaction, an edit, a deletion and an image show live on the other side, read on a phone-width screen', async ({
  browser,
}, testInfo) => {
  const ana = await personInBrowser(browser, 'Ana Actions');
  const ben = await personInBrowser(browser, 'Ben Actions');
  await ben.page.setViewportSize({ width: 390, height: 844 });

  await startDirect(ana.page, ben.person.name);
  await send(ana.page, 'Lunch at noon?');
  await expect(messageRow(ana.page, 'Lunch at noon?')).toBeVisible();

  // At phone width the list is a screen of its own: no conversation, no back button.
  const benList = ben.page.getByRole('navigation', { name: 'Conversations' });
  await expect(benList).toBeVisible();
  await expect(ben.page.getByRole('link', { name: 'Back to conversations' })).toBeHidden();
  await conversationLink(ben.page, ana.person.name).click();
  // …and the conversation replaces it, with a way back.
  await expect(ben.page.getByRole('heading', { name: ana.person.name, level: 1 })).toBeVisible();
  await expect(ben.page.getByRole('link', { name: 'Back to conversations' })).toBeVisible();
  await expect(benList).toBeHidden();
  await expect(messageRow(ben.page, 'Lunch at noon?')).toBeVisible();
  // On Ana's wide screen both show side by side, without a back button.
  await expect(ana.page.getByRole('navigation', { name: 'Conversations' })).toBeVisible();
  await expect(ana.page.getByRole('link', { name: 'Back to conversations' })).toBeHidden();

  // Ana reacts with 👍; Ben sees it, then adds his own by pressing the reaction.
  const toolbar = await messageActions(ana.page, 'Lunch at noon?');
  await toolbar.getByRole('button', { name: 'Add reaction' }).click();
  await ana.page.getByRole('button', { name: 'React with thumbs up' }).click();
  const benReactions = messageRow(ben.page, 'Lunch at noon?').getByRole('list', {
    name: 'Reactions',
  });
  await expect(benReactions.getByRole('button', { name: '👍 1: Ana Actions' })).toBeVisible();
  await benReactions.getByRole('button', { name: /^👍 1/ }).click();
  await expect(
    messageRow(ana.page, 'Lunch at noon?').getByRole('button', { name: /^👍 2: .*Ben Actions/ }),
  ).toBeVisible();
  await expect(benReactions.getByRole('button', { name: /^👍 2/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // Up arrow in the empty composer edits Ana's last message; Enter saves it.
  await composer(ana.page).click();
  await composer(ana.page).press('ArrowUp');
  await expect(composer(ana.page)).toHaveValue('Lunch at noon?');
  await expect(ana.page.getByText('Editing message')).toBeVisible();
  await composer(ana.page).fill('Lunch at one?');
  await composer(ana.page).press('Enter');
  await expect(composer(ana.page)).toHaveValue('');
  const edited = messageRow(ben.page, 'Lunch at one?');
  await expect(edited).toBeVisible();
  await expect(edited.getByText('(edited)')).toBeVisible();
  await expect(log(ben.page).getByText('Lunch at noon?')).toHaveCount(0);
  // The edit keeps the reactions.
  await expect(edited.getByRole('button', { name: /^👍 2/ })).toBeVisible();

  // Ana deletes it, after confirming.
  const actions = await messageActions(ana.page, 'Lunch at one?');
  await actions.getByRole('button', { name: 'Delete message' }).click();
  const confirm = ana.page.getByRole('dialog', { name: 'Delete message?' });
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(log(ben.page).getByText('This message was deleted')).toBeVisible();
  await expect(log(ben.page).getByText('Lunch at one?')).toHaveCount(0);
  await expect(log(ben.page).getByRole('list', { name: 'Reactions' })).toHaveCount(0);
  await expect(log(ana.page).getByText('This message was deleted')).toBeVisible();

  // Ana attaches an image: it uploads, then sends on Enter; Ben sees the thumbnail and opens it.
  const png = await writePng(testInfo.outputPath('harbour.png'));
  await ana.page.getByLabel('Attach image').setInputFiles(png);
  const tray = ana.page.getByRole('list', { name: 'Attachments' });
  await expect(tray.getByRole('img', { name: 'harbour.png' })).toBeVisible();
  await expect(tray.getByRole('progressbar')).toHaveCount(0);
  await composer(ana.page).fill('The view from here');
  await composer(ana.page).press('Enter');
  await expect(tray).toHaveCount(0);

  const thumb = messageRow(ben.page, 'The view from here').getByRole('button', {
    name: 'Open image harbour.png',
  });
  await expect(thumb).toBeVisible();
  // The thumbnail really loads (an image that failed has no natural size).
  await expect
    .poll(() =>
      thumb.getByRole('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
    )
    .toBeGreaterThan(0);
  await thumb.click();
  const viewer = ben.page.getByRole('dialog', { name: 'harbour.png' });
  await expect(viewer).toBeVisible();
  const full = viewer.getByRole('img', { name: 'harbour.png' });
  await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
  await ben.page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  // Back to the list on the phone.
  await ben.page.getByRole('link', { name: 'Back to conversations' }).click();
  await expect(benList).toBeVisible();
  await expect(ben.page.getByRole('heading', { name: ana.person.name, level: 1 })).toBeHidden();
  await expect(log(ben.page)).toBeHidden();
});

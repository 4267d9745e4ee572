import { expect, test, type Page } from '@playwright/test';

import {
  closePeople,
  conversationId,
  conversationLink,
  log,
  messageRow,
  personInBrowser,
  seedMessages,
  send,
  startGroup,
} from './fixtures/chat';

test.afterEach(closePeople);

const searchDialog = (page: Page) => page.getByRole('dialog', { name: /^Search/ });
const searchBox = (page: Page) =>
  searchDialog(page).getByRole('combobox', { name: 'Search messages' });
const result = (page: Page, text: string | RegExp) =>
  searchDialog(page).getByRole('option').filter({ hasText: text });

test('search finds a message by a partial word and by a Japanese substring, and opens it in context, highlighted', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const ben = await personInBrowser(browser, 'Ben Search');
  const ana = await personInBrowser(browser, 'Ana Search');

  // Ben writes in a group with Ana; more than a page of messages follows, so the ones searched
  // for are out of the conversation's latest page.
  await startGroup(ben.page, 'Trip Planning', [ana.person.name]);
  await send(ben.page, 'The Schönbrunn palace tour starts at ten');
  await expect(messageRow(ben.page, 'Schönbrunn palace')).toBeVisible();
  await send(ben.page, '東京タワーに行った');
  await expect(messageRow(ben.page, '東京タワー')).toBeVisible();
  const id = await conversationId(ben.page, 'Trip Planning');
  await seedMessages([ben.page, ana.page], id, 60, (i) => `filler message ${i}`);
  await expect(conversationLink(ana.page, 'Trip Planning')).toBeVisible();

  // Ctrl+K → "Search messages…" → a partial word, without its umlaut.
  await ana.page.keyboard.press('Control+k');
  const switcher = ana.page.getByRole('dialog', { name: 'Quick switcher' });
  await switcher.getByRole('option', { name: 'Search messages…' }).click();
  await searchBox(ana.page).fill('schonb');
  const hit = result(ana.page, 'palace tour');
  await expect(hit).toBeVisible();
  await expect(searchDialog(ana.page).getByRole('group', { name: 'Trip Planning' })).toBeVisible();
  await expect(hit.locator('mark')).toHaveText('Schönb');
  await searchBox(ana.page).press('Enter');

  // The conversation opens around the message, highlighted, far from the latest page.
  await expect(ana.page).toHaveURL(/\/chats\/c_[^?]+\?message=m_[^&]+&seq=\d+$/);
  await expect(ana.page.locator('[data-targeted]')).toContainText('Schönbrunn palace');
  await expect(messageRow(ana.page, 'Schönbrunn palace')).toBeInViewport();
  await expect(ana.page.getByText('This is the beginning of the conversation.')).toBeVisible();
  // Newer messages follow as Ana scrolls down, to the latest one.
  await expect(async () => {
    await log(ana.page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(messageRow(ana.page, 'filler message 60')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  // The search field at the top: two characters of Japanese, shorter than a trigram.
  await ana.page.getByRole('button', { name: 'Search messages…' }).click();
  await searchBox(ana.page).fill('東京');
  await expect(result(ana.page, '東京タワーに行った')).toBeVisible();
  await expect(result(ana.page, '東京タワーに行った').locator('mark')).toHaveText('東京');
  await searchBox(ana.page).press('Enter');
  await expect(ana.page).toHaveURL(/\?message=m_[^&]+&seq=\d+$/);
  await expect(ana.page.locator('[data-targeted]')).toContainText('東京タワーに行った');

  // From the header, within this conversation, with a filter chip; recent searches are kept.
  await ana.page.getByRole('button', { name: 'Search in this conversation' }).click();
  await expect(searchDialog(ana.page)).toHaveAccessibleName('Search in Trip Planning');
  await expect(
    searchDialog(ana.page).getByRole('button', { name: 'Remove filter in Trip Planning' }),
  ).toBeVisible();
  await expect(
    searchDialog(ana.page).getByRole('group', { name: 'Recent searches' }).getByRole('button'),
  ).toHaveText(['東京', 'schonb']);
  await searchBox(ana.page).fill('タワー from:@Ben');
  await expect(
    searchDialog(ana.page).getByRole('button', { name: 'Remove filter from:@Ben' }),
  ).toBeVisible();
  await expect(result(ana.page, '東京タワーに行った')).toBeVisible();
  await searchBox(ana.page).fill('filler -message');
  await expect(searchDialog(ana.page).getByText('No messages found.')).toBeVisible();
});

test('search never shows messages from a conversation the person is not in', async ({
  browser,
}) => {
  const cy = await personInBrowser(browser, 'Cy Search');
  const dee = await personInBrowser(browser, 'Dee Search');
  await startGroup(cy.page, 'Private Plans', [dee.person.name]);
  await send(cy.page, 'secretword in the private group');
  await expect(messageRow(cy.page, 'secretword')).toBeVisible();
  const eve = await personInBrowser(browser, 'Eve Search');
  await eve.page.getByRole('button', { name: 'Search messages…' }).click();
  await searchBox(eve.page).fill('secretword');
  await expect(searchDialog(eve.page).getByText('No messages found.')).toBeVisible();
  await dee.page.getByRole('button', { name: 'Search messages…' }).click();
  await searchBox(dee.page).fill('secretword');
  await expect(result(dee.page, 'secretword in the private group')).toBeVisible();
});

import { expect, test, type Page } from '@playwright/test';

import {
  closePeople,
  composer,
  conversationLink,
  log,
  messageRow,
  personInBrowser,
  startDirect,
} from './fixtures/chat';
import { expectInViewport } from './fixtures/interface';

test.afterEach(closePeople);

/** Shift+Tab from the composer until the message list (the log) has focus. */
async function focusMessages(page: Page) {
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Shift+Tab');
    if (await log(page).evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('The message list never took focus');
}

test('keyboard only: send, then react to and edit a message by moving focus through the list', async ({
  browser,
}) => {
  const ana = await personInBrowser(browser, 'Ana Keys');
  const ben = await personInBrowser(browser, 'Ben Keys');
  const p = ana.page;
  await startDirect(p, ben.person.name);

  // Opening the conversation put the cursor in the composer.
  await expect(composer(p)).toBeFocused();
  await p.keyboard.type('First by keyboard');
  await p.keyboard.press('Enter');
  await p.keyboard.type('Second by keyboard');
  await p.keyboard.press('Enter');
  await expect(log(p).getByText('Second by keyboard')).toBeVisible();

  // Into the list: Up focuses the newest message (its toolbar shows), Up again the one before.
  await focusMessages(p);
  await p.keyboard.press('ArrowUp');
  const second = messageRow(p, 'Second by keyboard');
  await expect(second).toBeFocused();
  await expect(second.getByRole('toolbar', { name: 'Message actions' })).toBeVisible();
  await p.keyboard.press('ArrowUp');
  const first = messageRow(p, 'First by keyboard');
  await expect(first).toBeFocused();

  // Enter opens its menu; the first quick reaction reacts, and focus comes back to the message.
  await p.keyboard.press('Enter');
  const menu = p.getByRole('menu', { name: 'Message actions' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'React with thumbs up' })).toBeFocused();
  await p.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(first).toBeFocused();
  await conversationLink(ben.page, ana.person.name).click();
  await expect(
    messageRow(ben.page, 'First by keyboard').getByRole('button', { name: /^👍 1/ }),
  ).toBeVisible();

  // Enter again, then "Edit message" (type-ahead: E), new text, Enter saves.
  await p.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  await p.keyboard.press('e'); // type-ahead to "Edit message"
  await expect(menu.getByRole('menuitem', { name: 'Edit message' })).toBeFocused();
  await p.keyboard.press('Enter');
  await expect(composer(p)).toBeFocused();
  await expect(composer(p)).toHaveValue('First by keyboard');
  await p.keyboard.press('ControlOrMeta+A');
  await p.keyboard.type('First, edited by keyboard');
  await p.keyboard.press('Enter');
  await expect(log(ben.page).getByText('First, edited by keyboard')).toBeVisible();

  // Esc from the list returns to the composer.
  await focusMessages(p);
  await p.keyboard.press('ArrowUp');
  await p.keyboard.press('Escape');
  await expect(composer(p)).toBeFocused();
});

test('Ctrl+K finds and opens a conversation; Alt+Up/Down moves between them; ? lists the shortcuts', async ({
  browser,
}) => {
  const ana = await personInBrowser(browser, 'Ana Switch');
  const ben = await personInBrowser(browser, 'Ben Switch');
  const cleo = await personInBrowser(browser, 'Cleo Switch');
  const p = ana.page;
  await startDirect(p, ben.person.name);
  await startDirect(p, cleo.person.name);

  await p.keyboard.press('Control+K');
  const switcher = p.getByRole('dialog', { name: 'Quick switcher' });
  await expect(switcher).toBeVisible();
  await switcher.getByRole('combobox', { name: 'Find a conversation or person' }).fill('Ben Sw');
  await expect(switcher.getByRole('option', { name: /Ben Switch/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await p.keyboard.press('Enter');
  await expect(switcher).toBeHidden();
  await expect(p.getByRole('heading', { name: ben.person.name, level: 1 })).toBeVisible();

  // Cleo's conversation is newer, so it is above Ben's in the list: Alt+Up goes to it.
  await p.keyboard.press('Alt+ArrowUp');
  await expect(p.getByRole('heading', { name: cleo.person.name, level: 1 })).toBeVisible();
  await p.keyboard.press('Alt+ArrowDown');
  await expect(p.getByRole('heading', { name: ben.person.name, level: 1 })).toBeVisible();

  // Alt+Shift+Down goes to the next unread conversation: Cleo writes, Ana jumps there.
  await startDirect(cleo.page, ana.person.name);
  await cleo.page.getByRole('textbox', { name: 'Message' }).fill('Unread for Ana');
  await cleo.page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(conversationLink(p, cleo.person.name).getByLabel('1 unread')).toBeVisible();
  await p.keyboard.press('Alt+Shift+ArrowUp');
  await expect(p.getByRole('heading', { name: cleo.person.name, level: 1 })).toBeVisible();

  // The shortcuts dialog (Ctrl+/ from the composer), and focus back where it was.
  await composer(p).focus();
  await p.keyboard.press('Control+/');
  const help = p.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByText('Quick switcher: find a conversation or person')).toBeVisible();
  await p.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(composer(p)).toBeFocused();

  // The sidebar's icon buttons say what they do and their key on hover; Esc puts the hint away.
  const shortcuts = p.getByRole('button', { name: 'Keyboard shortcuts' });
  await shortcuts.hover();
  const hint = p.getByRole('tooltip');
  await expect(hint).toHaveText('Keyboard shortcuts (?)');
  await expect(shortcuts).toHaveAccessibleDescription('Keyboard shortcuts (?)');
  await expectInViewport(p, hint, 'the hint');
  await p.keyboard.press('Escape');
  await expect(hint).toBeHidden();
});

test('a sidebar link tells a screen reader the name, the unread count and the last message', async ({
  browser,
}) => {
  const ana = await personInBrowser(browser, 'Ana Names');
  const ben = await personInBrowser(browser, 'Ben Names');
  await startDirect(ana.page, ben.person.name);
  await ana.page.getByRole('textbox', { name: 'Message' }).fill('See you at five');
  await ana.page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(
    ben.page.getByRole('link', {
      name: `${ana.person.name}, See you at five, 1 unread`,
      exact: true,
    }),
  ).toBeVisible();
  // Ben opens it: read, so the count leaves the name.
  await conversationLink(ben.page, ana.person.name).click();
  await expect(
    ben.page.getByRole('link', {
      name: `${ana.person.name}, See you at five`,
      exact: true,
    }),
  ).toBeVisible();
});

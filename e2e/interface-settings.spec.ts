import { expect, test, type Page } from '@playwright/test';

import { closePeople, conversationLink, personInBrowser, send, startDirect } from './fixtures/chat';
import { openSettings } from './fixtures/people';

// Issue #12's settings that change what a person hears and what others see: the new-message
// sound, Do not disturb, and the custom status. Each is switched in Settings as a person would
// and its effect is checked in the page, not in the store.
test.afterEach(closePeople);

/**
 * Counts the oscillators the page starts: the chime is two (lib/chat/client/message-sound.ts),
 * made with Web Audio, so this is the sound itself being played, not a flag saying it should be.
 */
async function listenForChimes(page: Page) {
  await page.context().addInitScript(() => {
    const w = window as unknown as { __oscillatorsStarted: number };
    w.__oscillatorsStarted = 0;
    // `start` lives on AudioScheduledSourceNode, which oscillators inherit from.
    const proto = AudioScheduledSourceNode.prototype;
    const start = Object.getOwnPropertyDescriptor(proto, 'start')?.value as (
      this: AudioScheduledSourceNode,
      when?: number,
    ) => void;
    proto.start = function (this: AudioScheduledSourceNode, when?: number) {
      if (this instanceof OscillatorNode) w.__oscillatorsStarted++;
      start.call(this, when);
    };
  });
}
const CHIME = 2;
const oscillators = (page: Page) =>
  page.evaluate(() => (window as unknown as { __oscillatorsStarted: number }).__oscillatorsStarted);

const chatsLink = (page: Page) =>
  page.getByRole('navigation', { name: 'App' }).getByRole('link', { name: 'Chats' });

/** Back to the chats from Settings (a client navigation: the page keeps what it has read). */
async function backToChats(page: Page) {
  await chatsLink(page).click();
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeVisible();
}

/** The bell's list (which carries Do not disturb), as loaded when the page connects. */
const bellListed = (page: Page) =>
  page.waitForResponse(
    (r) => /\/api\/v1\/notifications(\?|$)/.test(r.url()) && r.request().method() === 'GET',
  );

test('the new-message sound plays, stays off when switched off, and Do not disturb silences it while still counting', async ({
  browser,
}) => {
  const ana = await personInBrowser(browser, 'Ana Chime');
  const ben = await personInBrowser(browser, 'Ben Chime');
  await startDirect(ben.page, ana.person.name);
  await send(ben.page, 'First hello');

  // Ana is on her chats list (no conversation open), and has clicked in the page: browsers let
  // a page make sound only after that.
  await listenForChimes(ana.page);
  await ana.page.goto('/chats');
  const fromBen = conversationLink(ana.page, ben.person.name);
  await expect(fromBen).toContainText('First hello');
  await ana.page.getByRole('searchbox', { name: 'Search conversations' }).click();

  /**
   * Ben sends `text`; once Ana's list shows it, the oscillators it started. The sound is played
   * in the same store update that puts the message in the list, so it has run by then.
   */
  const chimesFor = async (text: string) => {
    const before = await oscillators(ana.page);
    await send(ben.page, text);
    await expect(fromBen).toContainText(text);
    return (await oscillators(ana.page)) - before;
  };
  expect(await chimesFor('Ding one')).toBe(CHIME);

  // Sound off (this browser): the next message arrives in silence.
  await openSettings(ana.page);
  const sound = ana.page.getByRole('switch', { name: /^Sound for new messages/ });
  await expect(sound).toBeChecked();
  await sound.uncheck();
  await backToChats(ana.page);
  expect(await chimesFor('Ding two')).toBe(0);

  // Sound on again, and Do not disturb on (saved: still on after a reload): silent, and the
  // message still counts as unread.
  await openSettings(ana.page);
  await sound.check();
  const dnd = ana.page.getByRole('switch', { name: /^Do not disturb/ });
  await dnd.check();
  await expect(ana.page.getByText('Notification settings saved').first()).toBeVisible();
  // After a reload the setting comes back with the bell's list, with no request of its own.
  const listed = bellListed(ana.page);
  await ana.page.reload();
  expect(await (await listed).json()).toMatchObject({ doNotDisturb: true });
  await expect(dnd).toBeChecked();
  await expect(sound).toBeChecked();
  await backToChats(ana.page);
  expect(await chimesFor('Ding three')).toBe(0);
  await expect(fromBen.getByTestId('unread-badge')).toHaveText('4');

  // Do not disturb off: the chime is back, so it was Do not disturb that kept it quiet.
  await openSettings(ana.page);
  await dnd.uncheck();
  await expect(dnd).not.toBeChecked();
  await expect(ana.page.getByText('Notification settings saved').first()).toBeVisible();
  await backToChats(ana.page);
  expect(await chimesFor('Ding four')).toBe(CHIME);
});

test('a custom status saved in Settings shows in the header, the DM header and the member list; presence follows the person', async ({
  browser,
}) => {
  const ana = await personInBrowser(browser, 'Ana Status');
  const ben = await personInBrowser(browser, 'Ben Status');
  await startDirect(ben.page, ana.person.name);
  await send(ben.page, 'Are you around?');
  const status = ben.page.getByTestId('conversation-status');
  await expect(status).toHaveText('Online');

  await openSettings(ana.page);
  const profile = ana.page.getByRole('form', { name: 'Profile' });
  await profile.getByLabel('Status').fill('On a train until 6');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(ana.page.getByText('Profile saved').first()).toBeVisible();
  await expect(ana.page.getByTestId('my-status')).toHaveText('On a train until 6');

  // Ben sees it beside her presence in the DM's header and in its member list.
  await ben.page.reload();
  await expect(status).toHaveText('Online · On a train until 6');
  await ben.page.getByRole('button', { name: 'Conversation details' }).click();
  const details = ben.page.getByRole('dialog', { name: 'Conversation details' });
  await expect(details.getByRole('listitem').filter({ hasText: ana.person.name })).toContainText(
    'On a train until 6',
  );
  await ben.page.keyboard.press('Escape');

  // Cleared, it is gone; and when Ana leaves, her presence goes from Online to last seen.
  await profile.getByLabel('Status').fill('');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(ana.page.getByTestId('my-status')).toBeHidden();
  await ben.page.reload();
  await expect(status).toHaveText('Online');
  await ana.page.context().close();
  await expect(status).toHaveText(/^(Offline|Last seen .+)$/, { timeout: 30_000 });
});

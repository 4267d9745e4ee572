import { expect, test } from '@playwright/test';

import {
  callEnded,
  callTile,
  callView,
  closePeople,
  enableCallDebug,
  expectLiveVideo,
  incomingCall,
  log,
  openConversation,
  personInBrowser,
  send,
  startDirect,
} from './fixtures/chat';

test.afterEach(closePeople);

test('a video call: Ben accepts, both connect and decode live video, mute shows on the other side, hanging up ends it for both with a system message', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const ana = await personInBrowser(browser, 'Ana Caller');
  const ben = await personInBrowser(browser, 'Ben Callee');
  await startDirect(ana.page, ben.person.name);
  await send(ana.page, 'Got a minute to talk?');
  await openConversation(ben.page, ana.person.name);
  for (const p of [ana, ben]) await enableCallDebug(p.page);

  await ana.page.getByRole('button', { name: 'Start video call' }).click();
  await expect(callView(ana.page).getByRole('status')).toHaveText('Ringing…');

  // Ben hears it ring: the caller's name and avatar, Accept and Decline.
  const dialog = incomingCall(ben.page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleName('Incoming video call');
  await expect(dialog).toContainText('Ana Caller is calling');
  await expect(dialog.getByRole('img', { name: 'Ana Caller' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Decline' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Accept' }).click();
  await expect(dialog).toBeHidden();

  // Both reach `connected` and decode each other's (fake camera) video.
  await expect(callTile(ana.page, 'Ben Callee')).toHaveAttribute('data-peer-state', 'connected', {
    timeout: 20_000,
  });
  await expect(callTile(ben.page, 'Ana Caller')).toHaveAttribute('data-peer-state', 'connected');
  await expect(callTile(ana.page, 'You')).toBeVisible();
  await expect(callView(ana.page).getByRole('status')).toHaveText(/^\d+:\d\d$/);
  await expectLiveVideo(ana.page, 1);
  await expectLiveVideo(ben.page, 1);

  // Ana mutes: Ben sees it on her tile.
  await expect(callTile(ben.page, 'Ana Caller')).toHaveAttribute('data-muted', 'false');
  await callView(ana.page).getByRole('button', { name: 'Mute' }).click();
  await expect(callView(ana.page).getByRole('button', { name: 'Unmute' })).toBeVisible();
  await expect(callTile(ben.page, 'Ana Caller')).toHaveAttribute('data-muted', 'true');
  await expect(callTile(ben.page, 'Ana Caller').getByRole('img', { name: 'Muted' })).toBeVisible();
  // Device choice is offered.
  await expect(callView(ana.page).getByLabel('Microphone')).toBeVisible();
  await expect(callView(ana.page).getByLabel('Camera')).toBeVisible();
  // Ana shares her screen (the fake picker chooses one): Ben still gets live video, now hers.
  await callView(ana.page).getByRole('button', { name: 'Share screen' }).click();
  await expect(callView(ana.page).getByRole('button', { name: 'Stop sharing' })).toBeVisible();
  await expect(callTile(ben.page, 'Ana Caller')).toContainText('screen');
  await expectLiveVideo(ben.page, 1);

  // Ana hangs up: it ends for both, and the conversation records it with its length.
  await callView(ana.page).getByRole('button', { name: 'Hang up' }).click();
  for (const p of [ana, ben]) {
    await expect(callView(p.page)).toBeHidden();
    await expect(callEnded(p.page)).toContainText('Call ended');
  }
  await expect(log(ana.page).getByText(/You started a video call · \d+:\d\d/)).toBeVisible();
  await expect(log(ben.page).getByText(/Ana Caller started a video call · \d+:\d\d/)).toBeVisible();
});

test('a declined call tells the caller "Declined"; an unanswered one "No answer", with a missed-call message', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const cleo = await personInBrowser(browser, 'Cleo Caller');
  const dan = await personInBrowser(browser, 'Dan Callee');
  await startDirect(cleo.page, dan.person.name);
  await send(cleo.page, 'Calling you in a sec');
  await openConversation(dan.page, cleo.person.name);

  await cleo.page.getByRole('button', { name: 'Start voice call' }).click();
  const dialog = incomingCall(dan.page);
  await expect(dialog).toHaveAccessibleName('Incoming voice call');
  await dialog.getByRole('button', { name: 'Decline' }).click();
  await expect(dialog).toBeHidden();
  await expect(callEnded(cleo.page)).toContainText('Declined');
  await expect(callView(cleo.page)).toBeHidden();
  await expect(log(dan.page).getByText(/Cleo Caller’s voice call was declined/)).toBeVisible();
  await expect(log(cleo.page).getByText(/Your voice call was declined/)).toBeVisible();
  await callEnded(cleo.page).getByRole('button', { name: 'Close' }).click();

  // Nobody answers: the ring stops on its own (the e2e server rings for 6 s).
  await cleo.page.getByRole('button', { name: 'Start video call' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await expect(callEnded(cleo.page)).toContainText('No answer', { timeout: 15_000 });
  await expect(log(dan.page).getByText(/Missed video call from Cleo Caller/)).toBeVisible();
  await expect(log(cleo.page).getByText(/Your video call was not answered/)).toBeVisible();
});

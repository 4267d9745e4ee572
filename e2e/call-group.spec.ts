import { expect, test, type APIRequestContext } from '@playwright/test';
import WebSocket from 'ws';

import {
  blockCameraAndMicrophone,
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
  startGroup,
} from './fixtures/chat';
import { newPerson } from './fixtures/people';

test.afterEach(closePeople);

test('a group call: a third person joins from the header and all three connect; it goes on until the last one leaves', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const gia = await personInBrowser(browser, 'Gia Mesh');
  const hal = await personInBrowser(browser, 'Hal Mesh');
  const ivy = await personInBrowser(browser, 'Ivy Mesh');
  await startGroup(gia.page, 'Mesh Trio', [hal.person.name, ivy.person.name]);
  for (const p of [hal, ivy]) await openConversation(p.page, 'Mesh Trio');
  for (const p of [gia, hal, ivy]) await enableCallDebug(p.page);
  // Ivy's browser refuses camera and microphone: she can still listen.
  await blockCameraAndMicrophone(ivy.page);

  await gia.page.getByRole('button', { name: 'Start video call' }).click();
  await incomingCall(hal.page).getByRole('button', { name: 'Accept' }).click();
  await expect(callTile(gia.page, 'Hal Mesh')).toHaveAttribute('data-peer-state', 'connected', {
    timeout: 20_000,
  });

  // Ivy lets it ring out, then joins from the conversation header.
  await expect(incomingCall(ivy.page)).toContainText('Gia Mesh is calling in Mesh Trio');
  await expect(incomingCall(ivy.page)).toBeHidden({ timeout: 15_000 });
  await ivy.page.getByRole('button', { name: 'Join call' }).click();
  await expect(callView(ivy.page).getByRole('alert')).toContainText('you can listen');

  const everyone = { 'Gia Mesh': gia, 'Hal Mesh': hal, 'Ivy Mesh': ivy };
  for (const [name, p] of Object.entries(everyone)) {
    for (const other of Object.keys(everyone).filter((n) => n !== name))
      await expect(callTile(p.page, other)).toHaveAttribute('data-peer-state', 'connected', {
        timeout: 20_000,
      });
  }
  // Ivy sends nothing (shown muted) but sees both others' video; they see each other's.
  await expect(callTile(gia.page, 'Ivy Mesh')).toHaveAttribute('data-muted', 'true');
  await expectLiveVideo(ivy.page, 2);
  await expectLiveVideo(gia.page, 1);
  await expectLiveVideo(hal.page, 1);

  // Gia leaves: the call goes on for Hal and Ivy.
  await callView(gia.page).getByRole('button', { name: 'Hang up' }).click();
  await expect(callView(gia.page)).toBeHidden();
  for (const p of [hal, ivy]) await expect(callTile(p.page, 'Gia Mesh')).toBeHidden();
  await expect(callTile(hal.page, 'Ivy Mesh')).toHaveAttribute('data-peer-state', 'connected');
  await expect(gia.page.getByRole('button', { name: 'Join call' })).toBeVisible();

  // The last two leave: it ends and the group records it.
  await callView(hal.page).getByRole('button', { name: 'Hang up' }).click();
  await expect(callView(ivy.page).getByRole('status')).toHaveText('Waiting for others…');
  await callView(ivy.page).getByRole('button', { name: 'Hang up' }).click();
  await expect(callEnded(ivy.page)).toContainText('You left the call');
  await expect(log(gia.page).getByText(/You started a video call · \d+:\d\d/)).toBeVisible();
  for (const p of [hal, ivy])
    await expect(log(p.page).getByText(/Gia Mesh started a video call · \d+:\d\d/)).toBeVisible();
});

test('a fifth person is told that calls hold up to 4 people', async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const ana = await personInBrowser(browser, 'Ana Full');
  const eve = await personInBrowser(browser, 'Eve Full');
  const idOf = async (request: APIRequestContext) =>
    ((await (await request.get('/api/v1/me')).json()) as { user: { id: string } }).user.id;

  // Three more people, through the API only: each will sit in the call with a bare socket.
  const extras: { request: APIRequestContext; id: string }[] = [];
  for (const name of ['Bo Full', 'Cy Full', 'Di Full']) {
    const request = await playwright.request.newContext({ baseURL });
    const res = await request.post('/api/v1/auth/signup', { data: newPerson(name) });
    expect(res.status()).toBe(201);
    extras.push({ request, id: await idOf(request) });
  }
  const created = await ana.page.request.post('/api/v1/conversations', {
    data: {
      kind: 'group',
      name: 'Full House',
      memberIds: [await idOf(eve.page.request), ...extras.map((e) => e.id)],
    },
  });
  expect(created.status()).toBe(201);
  const { conversation } = (await created.json()) as { conversation: { id: string } };
  await openConversation(ana.page, 'Full House');
  await openConversation(eve.page, 'Full House');

  await ana.page.getByRole('button', { name: 'Start video call' }).click();
  // The call code loads on that first press, so the call exists a moment later.
  let callId = '';
  await expect
    .poll(
      async () => {
        const live = await extras[0]!.request.get(`/api/v1/conversations/${conversation.id}/calls`);
        callId = ((await live.json()) as { call: { id: string } | null }).call?.id ?? '';
        return callId;
      },
      { timeout: 15_000 },
    )
    .not.toBe('');
  const sockets: WebSocket[] = [];
  try {
    for (const { request } of extras) {
      expect(
        (await request.post(`/api/v1/calls/${callId}`, { data: { action: 'accept' } })).ok(),
      ).toBe(true);
      const { token, host } = (await (
        await request.post('/api/v1/realtime/token', { data: { room: 'call', callId } })
      ).json()) as { token: string; host: string };
      const socket = new WebSocket(`ws://${host}/parties/call/${callId}?token=${token}`);
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('message', () => resolve());
        socket.once('error', reject);
      });
    }
    await expect(callView(ana.page).getByRole('group')).toHaveCount(4);

    // Eve joins a call that already holds four.
    await expect(incomingCall(eve.page)).toBeHidden({ timeout: 15_000 });
    await eve.page.getByRole('button', { name: 'Join call' }).click();
    await expect(callEnded(eve.page)).toContainText('Calls hold up to 4 people');
    await expect(callView(eve.page)).toBeHidden();
  } finally {
    for (const socket of sockets) socket.close();
    for (const { request } of extras) await request.dispose();
  }
});

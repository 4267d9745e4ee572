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
  serverBodies,
  startDirect,
  startGroup,
} from './fixtures/chat';

test.afterEach(closePeople);

test('offline: missed messages arrive when back online, a failed send is retried once; scrolling up loads older history', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const dee = await personInBrowser(browser, 'Dee Sync');
  const eli = await personInBrowser(browser, 'Eli Sync');

  await startDirect(dee.page, eli.person.name);
  const directId = await conversationId(dee.page, eli.person.name);
  await send(dee.page, 'Before the tunnel');
  await openConversation(eli.page, dee.person.name);
  await expect(messageRow(eli.page, 'Before the tunnel')).toBeVisible();

  // Eli goes offline and misses two messages…
  await eli.page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await eli.page.context().setOffline(true);
  await expect(eli.page.locator('[data-realtime="reconnecting"]')).toBeAttached();
  await expect(eli.page.getByRole('status').filter({ hasText: 'Reconnecting…' })).toBeVisible();
  await send(dee.page, 'In the tunnel 1');
  await send(dee.page, 'In the tunnel 2');
  await expect(messageRow(dee.page, 'In the tunnel 2')).toBeVisible();
  await expect(messageRow(dee.page, 'In the tunnel 2').getByText('Sending…')).toHaveCount(0);
  await expect(messageRow(eli.page, 'In the tunnel 1')).toHaveCount(0);
  // …and gets them, in order, once back online, without a reload.
  await eli.page.context().setOffline(false);
  await expect(messageRow(eli.page, 'In the tunnel 2')).toBeVisible({ timeout: 30_000 });
  await expect(messageRow(eli.page, 'In the tunnel 1')).toBeVisible();
  await expect(eli.page.locator('[data-realtime="open"]')).toBeAttached();
  await expect(eli.page.getByText('Reconnecting…')).toHaveCount(0);
  await expect(log(eli.page).getByRole('article')).toHaveText([
    /Before the tunnel/,
    /In the tunnel 1/,
    /In the tunnel 2/,
  ]);
  expect(await eli.page.evaluate(() => 'sameDocument' in window)).toBe(true);

  // Dee sends while offline: the message shows as failed, with Retry.
  await dee.page.context().setOffline(true);
  await send(dee.page, 'Sent from the tunnel');
  const failed = messageRow(dee.page, 'Sent from the tunnel');
  const alert = failed.getByRole('alert');
  await expect(alert).toContainText(/connection/i);
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  await dee.page.context().setOffline(false);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(failed.getByRole('alert')).toHaveCount(0);
  await expect(messageRow(eli.page, 'Sent from the tunnel')).toHaveCount(1);
  await expect(messageRow(dee.page, 'Sent from the tunnel')).toHaveCount(1);
  expect(
    (await serverBodies(dee.page, directId)).filter((b) => b === 'Sent from the tunnel'),
  ).toHaveLength(1);

  // History: 120 messages in a new group, seeded through the API. Eli opens it at the latest
  // page; scrolling up loads older pages until the very first message.
  await startGroup(dee.page, 'Archive', [eli.person.name]);
  const archiveId = await conversationId(dee.page, 'Archive');
  const label = (i: number) => `History ${String(i).padStart(3, '0')}`;
  await seedMessages([dee.page, eli.page], archiveId, 120, label);
  await openConversation(eli.page, 'Archive');
  await expect(messageRow(eli.page, label(120))).toBeVisible();
  await expect(messageRow(eli.page, label(1))).toHaveCount(0);
  await expect(messageRow(eli.page, label(60))).toHaveCount(0);

  const history = log(eli.page);
  await history.hover();
  await expect(async () => {
    await eli.page.mouse.wheel(0, -4000);
    await expect(messageRow(eli.page, label(1))).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(history.getByText('This is the beginning of the conversation.')).toBeVisible();
  await expect(history.getByRole('article').first()).toContainText(label(1));
  // Scrolling back down passes every message once, in order: nothing skipped or doubled at the
  // page boundaries.
  const seen: string[] = [];
  const collect = async () => {
    const labels = await history
      .getByRole('article')
      .evaluateAll((rows) => rows.map((r) => /History \d{3}/.exec(r.textContent ?? '')?.[0] ?? ''));
    for (const l of labels) if (l && !seen.includes(l)) seen.push(l);
    return labels;
  };
  for (let step = 0; step < 60 && !seen.includes(label(120)); step++) {
    const labels = await collect();
    expect(labels).toEqual([...new Set(labels)].sort());
    // A third of a screen at a time; let the list render before reading it again.
    await history.evaluate(async (el) => {
      el.scrollBy(0, el.clientHeight / 3);
      for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
    });
  }
  await collect();
  expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => label(i + 1)));
});

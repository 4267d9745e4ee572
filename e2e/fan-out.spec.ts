import { expect, test, type Page } from '@playwright/test';

import { parseFrame, serverFrameSchema } from '@/lib/realtime/protocol';

import { conversationLink, log, personInBrowser, send, startDirect } from './fixtures/chat';

/** Texts of the `message.created` events the page received on its conversation-room socket. */
function conversationSocketMessages(page: Page): string[] {
  const bodies: string[] = [];
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/parties/conversation/')) return;
    ws.on('framereceived', ({ payload }) => {
      const parsed = parseFrame(serverFrameSchema, payload);
      if (
        parsed.ok &&
        parsed.frame.type === 'event' &&
        parsed.frame.event.type === 'message.created'
      )
        bodies.push(parsed.frame.event.message.body);
    });
  });
  return bodies;
}

test('a tab looking at a conversation hears it on that room’s socket; once it moves on, the sidebar hears the next message at once', async ({
  browser,
}) => {
  const ana = await personInBrowser(browser, 'Ana Fanout');
  const ben = await personInBrowser(browser, 'Ben Fanout');
  const cy = await personInBrowser(browser, 'Cy Fanout');
  const heardInRoom = conversationSocketMessages(ben.page);

  // Ben has two conversations, and looks at Ana's.
  await startDirect(cy.page, ben.person.name);
  await send(cy.page, 'Hi from Cy');
  await startDirect(ana.page, ben.person.name);
  await send(ana.page, 'One');
  await conversationLink(ben.page, ana.person.name).click();
  await expect(log(ben.page).getByText('One')).toBeVisible();

  // Ben's only tab is in the room: after one forward his inbox lets the room skip it.
  await send(ana.page, 'Two');
  await expect(log(ben.page).getByText('Two')).toBeVisible();
  await send(ana.page, 'Three');
  await expect(log(ben.page).getByText('Three')).toBeVisible();
  await expect.poll(() => heardInRoom).toContain('Three');

  // He moves to Cy's conversation (leave → left) and Ana writes at once: the sidebar hears it,
  // whichever socket brought it (the room's, just before its `left`, or the inbox's after).
  await conversationLink(ben.page, cy.person.name).click();
  await expect(ben.page.getByRole('heading', { name: cy.person.name, level: 1 })).toBeVisible();
  await send(ana.page, 'Four');
  const anaLink = conversationLink(ben.page, ana.person.name);
  await expect(anaLink.getByLabel('1 unread')).toBeVisible();
  await expect(anaLink).toHaveAccessibleName(/Four/);
});

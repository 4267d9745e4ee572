/** Where people look: opening the app and conversations, reading, the quarter-hourly shuffle. */
import { POST as markReadRoute } from '@/app/api/v1/conversations/[id]/read/route';
import { GET as listMessagesRoute } from '@/app/api/v1/conversations/[id]/messages/route';
import { GET as listConversationsRoute } from '@/app/api/v1/conversations/route';
import { GET as listNotificationsRoute } from '@/app/api/v1/notifications/route';
import { POST as roomTokenRoute } from '@/app/api/v1/realtime/token/route';
import { getRequest, jsonRequest, withCookie, withParams } from '@/test/api';

import { needsToken, newTab, READ_PERSIST_DELAY_MS } from './browser';
import { schedule } from './clock';
import { countPage, invoke, sockets } from './metering';
import { pick, random } from './random';
import { chats, people, type Chat, type Person } from './team';
import { budgetWorld } from './world';

const world = budgetWorld();

// ── what a person does ─────────────────────────────────────────────────────────────────────────
export const cookie = (p: Person) => withCookie(p.account.cookie);
/** The conversation rooms a token minted for `p` now also opens. */
const roomsOf = (p: Person) =>
  [...chats.values()].filter((c) => c.members.includes(p.id)).map((c) => `conversation:${c.id}`);

/**
 * Opening the app (a person who was away comes back: their tab was closed): the page, the
 * conversation list, notifications and the inbox socket, whose room first asks every
 * conversation room that skipped this person meanwhile to resume (lib/rooms/away.ts).
 */
export async function openApp(p: Person): Promise<void> {
  p.tab = newTab(); // a page load starts with nothing cached
  countPage();
  await invoke('GET /api/v1/conversations', () =>
    listConversationsRoute(getRequest('/conversations', cookie(p))),
  );
  await invoke('GET /api/v1/notifications', () =>
    listNotificationsRoute(getRequest('/notifications', cookie(p))),
  );
  // The page comes with its inbox token (the layout mints it): the tab holds it, asking nothing.
  needsToken(p.tab, 'inbox', Date.now(), roomsOf(p));
  sockets.connects++;
  sockets.reports += 2; // the inbox room tells the sockets room: connected, and later left
  world.resumeInbox(p.id);
  if (!world.viewing.has(p.id)) world.viewing.set(p.id, null);
}

/**
 * Where a person is looking now: a conversation, elsewhere in the app (null) or away (tab
 * closed, `undefined`). Leaving a conversation writes its waiting read position; closing the tab
 * also forgets what it cached.
 */
export async function look(p: Person, where: string | null | undefined): Promise<void> {
  if (where !== undefined && !world.viewing.has(p.id)) await openApp(p);
  const before = world.viewing.get(p.id);
  if (before && before !== where) {
    await flushRead(p, before);
    // The tab tells the room it stops looking (a frame), and the room answers.
    sockets.framesIn++;
    world.leave(p.id, before);
  }
  if (where === undefined) {
    if (world.viewing.has(p.id)) {
      for (const chatId of [...p.tab.pendingReads.keys()]) await flushRead(p, chatId);
      const { notified } = p.tab;
      p.tab = { ...newTab(), notified };
    }
    world.viewing.delete(p.id);
  } else world.viewing.set(p.id, where);
}

/** Opening a conversation: its messages since the last seen one, its room, and the read mark. */
export async function openConversation(p: Person, chat: Chat): Promise<void> {
  const opening = world.viewing.get(p.id) !== chat.id;
  await look(p, chat.id);
  // A held timeline kept current by the inbox is shown as it is (lib/chat/timeline-cache.ts).
  if (p.tab.held.get(chat.id) !== chat.lastSeq) {
    await invoke('GET /api/v1/conversations/:id/messages', () =>
      listMessagesRoute(
        getRequest(`/conversations/${chat.id}/messages`, cookie(p)),
        withParams({ id: chat.id }),
      ),
    );
    p.tab.held.set(chat.id, chat.lastSeq);
  }
  if (needsToken(p.tab, `conversation:${chat.id}`, Date.now(), roomsOf(p))) {
    await invoke('POST /api/v1/realtime/token', () =>
      roomTokenRoute(
        jsonRequest(
          'POST',
          '/realtime/token',
          { room: 'conversation', conversationId: chat.id },
          cookie(p),
        ),
      ),
    );
  }
  // Already looking at it (another message drew them back to where they are): no new socket.
  if (opening) sockets.connects++;
  await markRead(p, chat, { opening });
}

/**
 * Seeing the conversation's end: the position goes to the room at once (a frame, live receipts)
 * and is written later, or now on opening the conversation or when it clears a notification
 * (lib/chat/read-marks.ts).
 */
export async function markRead(
  p: Person,
  chat: Chat,
  { opening }: { opening: boolean },
): Promise<void> {
  if (chat.lastSeq === 0) return;
  sockets.framesIn++;
  const urgent = p.tab.notified.delete(chat.id) || opening;
  const waiting = p.tab.pendingReads.has(chat.id);
  p.tab.pendingReads.set(chat.id, chat.lastSeq);
  if (urgent) await flushRead(p, chat.id);
  else if (!waiting) schedule(Date.now() + READ_PERSIST_DELAY_MS, () => flushRead(p, chat.id));
}

async function flushRead(p: Person, chatId: string): Promise<void> {
  const seq = p.tab.pendingReads.get(chatId);
  if (seq === undefined) return;
  p.tab.pendingReads.delete(chatId);
  await invoke('POST /api/v1/conversations/:id/read', () =>
    markReadRoute(
      jsonRequest('POST', `/conversations/${chatId}/read`, { seq }, cookie(p)),
      withParams({ id: chatId }),
    ),
  );
}

/** Every quarter hour each person is, independently, away (35 %), elsewhere (25 %) or looking. */
export async function shufflePresence(): Promise<void> {
  for (const p of people) {
    const roll = random();
    if (roll < 0.35)
      await look(p, undefined); // away: the tab is closed
    else if (roll < 0.6) await look(p, null);
    else await look(p, pick([...chats.values()].filter((c) => c.members.includes(p.id))).id);
  }
  sockets.connectionMinutes += 15 * [...world.viewing.keys()].length;
}

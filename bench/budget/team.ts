/** The simulated team: its people, their conversations, and creating one through the route. */
import { expect } from 'vitest';

import { POST as createConversationRoute } from '@/app/api/v1/conversations/route';
import { jsonRequest, withCookie, type TestAccount } from '@/test/api';

import type { TabState } from './browser';

// ── the team ───────────────────────────────────────────────────────────────────────────────────
export type Person = {
  account: TestAccount;
  id: string;
  team: number;
  tab: TabState;
};
export type Chat = { id: string; members: string[]; lastSeq: number; lastMessageId: string | null };

export const people: Person[] = [];
export const chats = new Map<string, Chat>();
const directs = new Map<string, Chat>();
export const byId = (id: string) => people.find((p) => p.id === id)!;

export async function createConversation(owner: Person, body: unknown): Promise<Chat> {
  const res = await createConversationRoute(
    jsonRequest('POST', '/conversations', body, withCookie(owner.account.cookie)),
  );
  expect([200, 201]).toContain(res.status);
  const { conversation } = (await res.json()) as {
    conversation: { id: string; members: { id: string }[] };
  };
  const chat = {
    id: conversation.id,
    members: conversation.members.map((m) => m.id),
    lastSeq: 0,
    lastMessageId: null,
  };
  chats.set(chat.id, chat);
  return chat;
}

export async function directBetween(a: Person, b: Person): Promise<Chat> {
  const key = [a.id, b.id].sort().join(':');
  let chat = directs.get(key);
  if (!chat) {
    chat = await createConversation(a, { kind: 'direct', memberIds: [b.id] });
    directs.set(key, chat);
  }
  return chat;
}

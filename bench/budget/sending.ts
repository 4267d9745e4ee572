/** What people write: messages (with replies and reactions), questions to Parley AI, and calls. */
import { expect } from 'vitest';

import { POST as actOnCallRoute } from '@/app/api/v1/calls/[id]/route';
import { POST as startCallRoute } from '@/app/api/v1/conversations/[id]/calls/route';
import { POST as sendMessageRoute } from '@/app/api/v1/conversations/[id]/messages/route';
import { PUT as addReactionRoute } from '@/app/api/v1/messages/[id]/reactions/[emoji]/route';
import { POST as roomTokenRoute } from '@/app/api/v1/realtime/token/route';
import { ASSISTANT_ID } from '@/lib/assistant/identity';
import { jsonRequest, newClientId, putRequest, withParams } from '@/test/api';

import { MIN, schedule } from './clock';
import { invoke, sockets } from './metering';
import { between, pick, random } from './random';
import { byId, directBetween, type Chat, type Person } from './team';
import { cookie, look, markRead, openConversation } from './viewing';
import { budgetWorld } from './world';

const world = budgetWorld();

const WORDS =
  'the a to and we it is on for this that ship deploy review fix test call later lunch today tomorrow looks good thanks idea plan bug merged build release docs meeting café Müller 東京'.split(
    ' ',
  );
export const sentence = () =>
  Array.from({ length: Math.round(between(4, 28)) }, () => pick(WORDS)).join(' ');

export async function send(author: Person, chat: Chat, body = sentence()): Promise<void> {
  await look(author, chat.id);
  sockets.framesIn += 2; // typing start and stop, throttled by the composer
  const replyToId = chat.members.length > 2 && random() < 0.1 ? chat.lastMessageId : null;
  const res = await invoke('POST /api/v1/conversations/:id/messages', () =>
    sendMessageRoute(
      jsonRequest(
        'POST',
        `/conversations/${chat.id}/messages`,
        { body, clientId: newClientId(), ...(replyToId ? { replyToId } : {}) },
        cookie(author),
      ),
      withParams({ id: chat.id }),
    ),
  );
  expect(res.status, await res.clone().text()).toBe(201);
  const { message } = (await res.json()) as { message: { id: string; seq: number } };
  chat.lastSeq = message.seq;
  chat.lastMessageId = message.id;
  // Open tabs hear it on their inbox socket: the timelines they hold stay current.
  for (const memberId of chat.members) {
    if (memberId === ASSISTANT_ID || !world.viewing.has(memberId)) continue;
    const { held } = byId(memberId).tab;
    if (held.get(chat.id) === message.seq - 1) held.set(chat.id, message.seq);
  }

  for (const memberId of chat.members) {
    if (memberId === author.id || memberId === ASSISTANT_ID) continue;
    const member = byId(memberId);
    if (world.viewing.get(memberId) === chat.id) {
      await markRead(member, chat, { opening: false });
      if (random() < 1 / 12) {
        await invoke('PUT /api/v1/messages/:id/reactions/:emoji', () =>
          addReactionRoute(
            putRequest(
              `/messages/${message.id}/reactions/${encodeURIComponent('👍')}`,
              cookie(member),
            ),
            withParams({ id: message.id, emoji: '👍' }),
          ),
        );
      }
      continue;
    }
    const away = !world.viewing.has(memberId);
    // A DM notifies whoever is not looking at it (the default level: DMs and mentions).
    if (chat.members.length === 2) member.tab.notified.add(chat.id);
    const later = Date.now() + (away ? between(5, 180) : between(1, 30)) * MIN;
    schedule(later, () => openConversation(member, chat));
  }
}

export async function call(a: Person, b: Person): Promise<void> {
  const chat = await directBetween(a, b);
  const started = await invoke('POST /api/v1/conversations/:id/calls', () =>
    startCallRoute(
      jsonRequest('POST', `/conversations/${chat.id}/calls`, { kind: 'audio' }, cookie(a)),
      withParams({ id: chat.id }),
    ),
  );
  // Someone in a call already (two calls drawn close together) is busy: no call then.
  if (!started.ok) {
    console.warn(`call not started: ${started.status} ${await started.text()}`);
    return;
  }
  const { call: live } = (await started.json()) as { call: { id: string } };
  const act = (p: Person, action: string) =>
    invoke('POST /api/v1/calls/:id', () =>
      actOnCallRoute(
        jsonRequest('POST', `/calls/${live.id}`, { action }, cookie(p)),
        withParams({ id: live.id }),
      ),
    );
  await act(b, 'accept');
  for (const p of [a, b]) {
    await invoke('POST /api/v1/realtime/token', () =>
      roomTokenRoute(
        jsonRequest('POST', '/realtime/token', { room: 'call', callId: live.id }, cookie(p)),
      ),
    );
  }
  sockets.connects += 2;
  sockets.framesIn += 2 * 30; // offers, answers, ICE candidates, mute changes
  schedule(Date.now() + between(5, 20) * MIN, async () => void (await act(a, 'hangup')));
}

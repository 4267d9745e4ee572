import { describeCall } from '@/lib/calls/describe';
import { describeChallenge, describeGameEnd } from '@/lib/games/describe';

import { plainPreview } from './plain-text';
import { clockTime, dateTimeFormat } from './time-format';
import type { ConversationWire, MessageWire } from './wire';

type NameOf = (userId: string) => string;

const list = (names: string[]) =>
  names.length <= 1
    ? (names[0] ?? 'someone')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** The sentence a system message shows, e.g. "Ana added Ben and Cy". */
export function describeSystem(message: MessageWire, nameOf: NameOf): string {
  const event = message.system;
  if (!event) return '';
  const actor = nameOf(event.actorId);
  switch (event.type) {
    case 'conversation.created':
      return `${actor} created the group`;
    case 'conversation.renamed':
      return `${actor} renamed the group to “${event.name}”`;
    case 'member.added':
      return `${actor} added ${list(event.userIds.map(nameOf))}`;
    case 'member.removed':
      return event.userIds.length === 1 && event.userIds[0] === event.actorId
        ? `${actor} left`
        : `${actor} removed ${list(event.userIds.map(nameOf))}`;
    case 'call':
      return describeCall(event, actor);
    case 'game':
      return describeChallenge(event, nameOf);
    case 'game.ended':
      return describeGameEnd(event, nameOf);
    case 'message.pinned':
      return `${actor} pinned a message`;
  }
}

/** One line for the sidebar: "You: see you then", "Ana: 📷 Image", "Message deleted". */
export function previewOf(conversation: ConversationWire, meId: string): string {
  const m = conversation.lastMessage;
  if (!m) return conversation.kind === 'group' ? 'No messages yet' : 'Say hello';
  const nameOf = (id: string) =>
    id === meId ? 'You' : (conversation.members.find((x) => x.id === id)?.name ?? 'Someone');
  if (m.kind === 'system') return describeSystem(m, nameOf);
  if (m.deletedAt) return 'Message deleted';
  const text = plainPreview(m);
  if (m.authorId === meId) return `You: ${text}`;
  return conversation.kind === 'group' && m.authorId ? `${nameOf(m.authorId)}: ${text}` : text;
}

/** "14:05" today, "Mon" this week, "12 Mar" otherwise. */
export function shortTime(iso: string, now = new Date()): string {
  const d = new Date(iso);
  const days = (now.getTime() - d.getTime()) / 86_400_000;
  if (d.toDateString() === now.toDateString()) return clockTime(d);
  if (days < 6) return dateTimeFormat({ weekday: 'short' }).format(d);
  return dateTimeFormat({ day: 'numeric', month: 'short' }).format(d);
}

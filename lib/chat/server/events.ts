import 'server-only';

import type { MembershipsPort } from '@/lib/db/store';
import type { RoomEvent } from '@/lib/realtime/protocol';
import { publishToConversation } from '@/lib/realtime/server/publish';

/**
 * Publishes events about a conversation after the store was written: one request to the
 * conversation's room, which forwards to every member's inbox (all their tabs). `extra` adds
 * people who are no longer members but must hear it (someone just removed). Returns the
 * members' ids, so callers that need them too do not read them again.
 */
export async function announce(
  store: MembershipsPort,
  conversationId: string,
  events: RoomEvent[],
  extra: string[] = [],
): Promise<string[]> {
  const memberIds = (await store.listMemberships({ conversationId })).map((m) => m.userId);
  const recipients = [...new Set([...memberIds, ...extra])];
  await publishToConversation({ conversationId, recipients, events });
  return memberIds;
}

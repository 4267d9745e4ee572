import { isAssistantAddressed } from '@/lib/assistant/server/addressing';
import { requestAssistantReply } from '@/lib/assistant/server/trigger';
import type { Store } from '@/lib/db';
import type { JobHandler, JobContext } from '@/lib/jobs/define';
import {
  loadNewMessage,
  notifyAboutMessage,
  type NewMessageContext,
  type NotifyDeps,
} from '@/lib/notifications/server/notify-message';
import type { ConversationsPort, MembershipsPort, MessagesPort, UsersPort } from '@/lib/db/store';

/** What the assistant's side of a new message reads and writes (askAssistant). */
type AssistantStore = ConversationsPort &
  MembershipsPort &
  MessagesPort &
  UsersPort &
  Pick<Store, 'enqueueJob' | 'getJobByDedupeId' | 'listJobs' | 'relayOutbox'>;

export type MessageCreatedDeps = Omit<NotifyDeps, 'store'> & {
  store: NotifyDeps['store'] & AssistantStore;
  /** Queues the assistant's reply (lib/assistant/server/trigger.ts); idempotent per message. */
  requestAssistantReply?: typeof requestAssistantReply;
};

/**
 * Queues the assistant's reply when the message addresses it: a person's message in a DM with
 * the assistant, `@ai` or a mention of it in a group (never the assistant's own messages).
 */
async function askAssistant(
  store: AssistantStore,
  { message, conversation, memberships }: NewMessageContext,
  request: typeof requestAssistantReply,
): Promise<void> {
  const memberIds = memberships.map((m) => m.userId);
  if (!isAssistantAddressed({ conversation, memberIds, message })) return;
  const author = await store.getUserById({ id: message.authorId });
  if (!author) return;
  await request({ store, user: author, conversationId: conversation.id, messageId: message.id });
}

/**
 * What follows a new message, written in the message's own transaction (the outbox, DESIGN.md
 * "A message, end to end", step 5): the assistant's reply when addressed, and notifications for
 * the members who are away. Both at once, so a slow push service never holds up the assistant.
 * Idempotent, so a retry (one of the two failed, or the process died) redoes nothing: one
 * notification per person per message, one assistant-reply job per message.
 */
export async function processMessageCreated(
  deps: MessageCreatedDeps,
  { messageId }: { messageId: string },
): Promise<void> {
  const context = await loadNewMessage(deps.store, messageId);
  if (!context) return;
  await Promise.all([
    askAssistant(deps.store, context, deps.requestAssistantReply ?? requestAssistantReply),
    notifyAboutMessage(deps, context),
  ]);
}

export const messageCreated: JobHandler<'message-created'> = (payload, { store }: JobContext) =>
  processMessageCreated({ store }, payload);

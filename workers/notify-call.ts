import type { JobHandler } from '@/lib/jobs/define';
import { deliverNotification } from '@/lib/notifications/server/deliver';
import { memberFacts } from '@/lib/notifications/server/members';
import { missedCallRecipients } from '@/lib/notifications/rules';

/** A call nobody answered: tell the members it rang for (written with the call's missed end). */
export const notifyCall: JobHandler<'notify-call'> = async ({ callId }, { store }) => {
  const call = await store.getCall({ id: callId });
  if (!call || call.outcome !== 'missed') return;
  const [conversation, memberships, caller] = await Promise.all([
    store.getConversation({ id: call.conversationId }),
    store.listMemberships({ conversationId: call.conversationId }),
    store.getUserById({ id: call.startedBy }),
  ]);
  if (!conversation) return;
  const recipients = missedCallRecipients({
    call,
    members: await memberFacts(store, memberships),
  });
  for (const { userId, kind } of recipients) {
    await deliverNotification(store, {
      userId,
      kind,
      conversation,
      actor: caller,
      messageId: null,
      callId: call.id,
      seq: null,
      preview: call.kind === 'video' ? 'Missed video call' : 'Missed voice call',
    });
  }
};

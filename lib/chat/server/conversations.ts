import 'server-only';

import { ApiError, notFound } from '@/lib/api/errors';
import type {
  ConversationsPort,
  MembershipsPort,
  MessagesPort,
  Store,
  UsersPort,
} from '@/lib/db/store';
import type { Conversation, Membership, User } from '@/lib/db/types';
import { publish } from '@/lib/realtime/server/publish';

import { requireAdmin, requireMember } from './access';
import { announce } from './events';
import { unreadIn } from './unread';
import { postSystemMessage } from './posted-messages';
import { toConversationWire, toMemberWire, toMessageWire } from '../present';
import { GROUP_MAX_MEMBERS, type CreateConversationInput } from '../schemas';
import type { ConversationWire } from '../wire';

/** What reading a conversation's view takes: the writes below also post system messages. */
type ViewPorts = ConversationsPort & MembershipsPort & MessagesPort & UsersPort;

/** Assembles the API view of one conversation for `viewerId`. */
export async function conversationView(
  store: ViewPorts,
  conversation: Conversation,
  membership: Membership,
): Promise<ConversationWire> {
  const [memberships, last, unreadCount] = await Promise.all([
    store.listMemberships({ conversationId: conversation.id }),
    store.latestTimelineMessage({ conversationId: conversation.id }),
    unreadIn(store, conversation, membership.lastReadSeq),
  ]);
  const users = await store.getUsersByIds({ ids: memberships.map((m) => m.userId) });
  const byId = new Map(users.map((u) => [u.id, u]));
  return toConversationWire({
    conversation,
    membership,
    members: memberships.map((m) => toMemberWire(m, byId.get(m.userId))),
    lastMessage: last ? toMessageWire(last) : null,
    unreadCount,
    viewerId: membership.userId,
  });
}

export async function listConversationViews(
  store: ViewPorts,
  user: User,
): Promise<ConversationWire[]> {
  const rows = await store.listConversations({ userId: user.id });
  return Promise.all(rows.map((r) => conversationView(store, r.conversation, r.membership)));
}

export async function getConversationView(
  store: ViewPorts,
  user: User,
  conversationId: string,
): Promise<ConversationWire> {
  const { conversation, membership } = await requireMember(store, conversationId, user.id);
  return conversationView(store, conversation, membership);
}

/** Every id must be a person who exists; the caller is never in the list they send. */
async function requirePeople(
  store: UsersPort,
  ids: string[],
  callerId: string,
  field: 'memberIds' | 'userIds',
): Promise<string[]> {
  const wanted = [...new Set(ids)].filter((id) => id !== callerId);
  const found = await store.getUsersByIds({ ids: wanted });
  if (found.length !== wanted.length) {
    const known = new Set(found.map((u) => u.id));
    const missing = wanted.filter((id) => !known.has(id));
    throw new ApiError('validation_failed', 'Some of those people were not found.', {
      fields: { [field]: `Unknown people: ${missing.join(', ')}` },
    });
  }
  return wanted;
}

/**
 * Starts a conversation. A direct one that already exists is opened instead (created: false),
 * so "New message" to someone you already talk to lands in the same place.
 */
export async function createConversation(
  store: ConversationsPort & MembershipsPort & MessagesPort & UsersPort,
  user: User,
  input: CreateConversationInput,
): Promise<{ conversation: ConversationWire; created: boolean }> {
  if (input.kind === 'direct') {
    const [otherId] = input.memberIds as [string];
    if (otherId === user.id) {
      throw new ApiError('validation_failed', 'Pick someone other than yourself.', {
        fields: { memberIds: 'You cannot start a direct conversation with yourself' },
      });
    }
    const other = await store.getUserById({ id: otherId });
    if (!other) throw notFound('That person');
    const { conversation, created } = await store.findOrCreateDirect({
      userIds: [user.id, otherId],
      createdBy: user.id,
    });
    const membership = await store.getMembership({
      conversationId: conversation.id,
      userId: user.id,
    });
    if (!membership) throw new Error('direct conversation without the caller as member');
    if (created) {
      await announce(store, conversation.id, [
        { type: 'member.added', conversationId: conversation.id, userIds: [user.id, otherId] },
      ]);
    }
    return { conversation: await conversationView(store, conversation, membership), created };
  }

  const memberIds = await requirePeople(store, input.memberIds, user.id, 'memberIds');
  const conversation = await store.createGroup({ name: input.name, ownerId: user.id, memberIds });
  await postSystemMessage(store, conversation.id, {
    type: 'conversation.created',
    actorId: user.id,
  });
  await announce(store, conversation.id, [
    { type: 'member.added', conversationId: conversation.id, userIds: [user.id, ...memberIds] },
  ]);
  const { conversation: fresh, membership } = await requireMember(store, conversation.id, user.id);
  return { conversation: await conversationView(store, fresh, membership), created: true };
}

export async function renameConversation(
  store: ConversationsPort & MembershipsPort & MessagesPort & UsersPort,
  user: User,
  conversationId: string,
  name: string,
): Promise<ConversationWire> {
  const { conversation, membership } = await requireMember(store, conversationId, user.id);
  requireAdmin(conversation, membership);
  if (conversation.name !== name) {
    await store.renameConversation({ id: conversationId, name });
    await postSystemMessage(store, conversationId, {
      type: 'conversation.renamed',
      actorId: user.id,
      name,
    });
    await announce(store, conversationId, [{ type: 'conversation.updated', conversationId }]);
  }
  return getConversationView(store, user, conversationId);
}

export async function addMembers(
  store: ConversationsPort & MembershipsPort & MessagesPort & UsersPort,
  user: User,
  conversationId: string,
  userIds: string[],
): Promise<ConversationWire> {
  const { conversation } = await requireMember(store, conversationId, user.id);
  if (conversation.kind !== 'group') {
    throw new ApiError(
      'forbidden',
      'A direct conversation stays between two people; start a group instead.',
    );
  }
  const ids = await requirePeople(store, userIds, user.id, 'userIds');
  const current = await store.listMemberships({ conversationId });
  const currentIds = new Set(current.map((m) => m.userId));
  const fresh = ids.filter((id) => !currentIds.has(id));
  if (current.length + fresh.length > GROUP_MAX_MEMBERS) {
    throw new ApiError('validation_failed', `A group holds at most ${GROUP_MAX_MEMBERS} people.`, {
      fields: { userIds: `Only ${GROUP_MAX_MEMBERS - current.length} more can join` },
    });
  }
  const added = await store.addMembers({ conversationId, userIds: fresh });
  if (added.length > 0) {
    const addedIds = added.map((m) => m.userId);
    await postSystemMessage(store, conversationId, {
      type: 'member.added',
      actorId: user.id,
      userIds: addedIds,
    });
    await announce(store, conversationId, [
      { type: 'member.added', conversationId, userIds: addedIds },
    ]);
  }
  return getConversationView(store, user, conversationId);
}

/** Admins remove others; anyone may remove themselves (leave). */
export async function removeMember(
  store: ConversationsPort & MembershipsPort & Pick<Store, 'createMessage'>,
  user: User,
  conversationId: string,
  userId: string,
): Promise<void> {
  const { conversation, membership } = await requireMember(store, conversationId, user.id);
  if (conversation.kind !== 'group') {
    throw new ApiError('forbidden', 'You cannot leave a direct conversation; mute it instead.');
  }
  if (userId !== user.id) requireAdmin(conversation, membership);
  const target = await store.getMembership({ conversationId, userId });
  if (!target) throw notFound('That member');
  if (target.role === 'owner' && userId !== user.id) {
    throw new ApiError('forbidden', 'The group’s owner cannot be removed.');
  }
  await store.removeMember({ conversationId, userId });
  await keepAnOwner(store, conversationId);
  await postSystemMessage(store, conversationId, {
    type: 'member.removed',
    actorId: user.id,
    userIds: [userId],
  });
  await announce(
    store,
    conversationId,
    [{ type: 'member.removed', conversationId, userIds: [userId] }],
    [userId],
  );
}

/** A group whose last owner left passes ownership to the longest-standing member. */
async function keepAnOwner(store: MembershipsPort, conversationId: string): Promise<void> {
  const members = await store.listMemberships({ conversationId });
  if (members.length === 0 || members.some((m) => m.role === 'owner')) return;
  const heir = members.find((m) => m.role === 'admin') ?? members[0]!;
  await store.updateMembership({ conversationId, userId: heir.userId, role: 'owner' });
}

/**
 * Mutes or unmutes a conversation for the caller only: no notifications from it (the unread
 * badge still counts). The caller's other tabs refetch it.
 */
export async function setConversationMuted(
  store: ViewPorts,
  user: User,
  conversationId: string,
  muted: boolean,
): Promise<ConversationWire> {
  const { conversation, membership } = await requireMember(store, conversationId, user.id);
  const updated =
    membership.muted === muted
      ? membership
      : await store.updateMembership({ conversationId, userId: user.id, muted });
  if (!updated) throw notFound('That conversation');
  if (updated !== membership)
    await publish({
      party: 'main',
      room: user.id,
      events: [{ type: 'conversation.updated', conversationId }],
    });
  return conversationView(store, conversation, updated);
}

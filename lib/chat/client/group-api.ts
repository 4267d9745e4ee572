'use client';

import 'client-only';
import { callEndpoint } from '@/lib/api/client';

import {
  addMembersEndpoint,
  markUnreadEndpoint,
  removeMemberEndpoint,
  renameConversationEndpoint,
  setMemberRoleEndpoint,
} from '../conversation-endpoints';
import type { ConversationWire } from '../wire';

/** The browser's calls for managing a conversation (details panel) and its read position. */
export const groupApi = {
  rename: async (id: string, name: string): Promise<ConversationWire> =>
    (await callEndpoint(renameConversationEndpoint, { params: { id }, body: { name } }))
      .conversation,

  addMembers: async (id: string, userIds: string[]): Promise<ConversationWire> =>
    (await callEndpoint(addMembersEndpoint, { params: { id }, body: { userIds } })).conversation,

  /** Removes someone (admins), or leaves when `userId` is the caller. */
  removeMember: (id: string, userId: string) =>
    callEndpoint(removeMemberEndpoint, { params: { id, userId } }),

  setRole: async (id: string, userId: string, role: 'admin' | 'member') =>
    (await callEndpoint(setMemberRoleEndpoint, { params: { id, userId }, body: { role } }))
      .conversation,

  markUnread: async (id: string, seq: number): Promise<ConversationWire> =>
    (await callEndpoint(markUnreadEndpoint, { params: { id }, body: { seq } })).conversation,
};

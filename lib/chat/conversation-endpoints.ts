import { defineEndpoint, okResponseSchema } from '@/lib/api/endpoint';

import {
  addMembersSchema,
  conversationParamsSchema,
  createConversationSchema,
  memberParamsSchema,
  memberRoleSchema,
  renameConversationSchema,
  unreadSchema,
} from './schemas';
import { conversationResponseSchema, conversationsResponseSchema } from './wire';

/** Conversations and their members. Non-members always get 404, as for an unknown id. */

export const listConversationsEndpoint = defineEndpoint({
  operationId: 'listConversations',
  method: 'GET',
  path: '/api/v1/conversations',
  tag: 'Conversations',
  summary: 'Your conversations, most recent activity first, with unread counts',
  auth: 'session-or-token',
  responses: { 200: { description: 'Conversations', schema: conversationsResponseSchema } },
});

export const createConversationEndpoint = defineEndpoint({
  operationId: 'createConversation',
  method: 'POST',
  path: '/api/v1/conversations',
  tag: 'Conversations',
  summary: 'Start a direct conversation (200 with the existing one) or a group (201)',
  auth: 'session-or-token',
  body: createConversationSchema,
  responses: {
    201: { description: 'Created', schema: conversationResponseSchema },
    200: {
      description: 'The direct conversation that already exists',
      schema: conversationResponseSchema,
    },
  },
  rateLimit: {
    name: 'conversations:create',
    rule: { limit: 30, windowMs: 60_000 },
    what: 'new conversations',
  },
  errors: { not_found: 'A person to add does not exist' },
});

export const getConversationEndpoint = defineEndpoint({
  operationId: 'getConversation',
  method: 'GET',
  path: '/api/v1/conversations/{id}',
  tag: 'Conversations',
  summary: 'One conversation',
  auth: 'session-or-token',
  params: conversationParamsSchema,
  responses: { 200: { description: 'Conversation', schema: conversationResponseSchema } },
});

export const renameConversationEndpoint = defineEndpoint({
  operationId: 'renameConversation',
  method: 'PATCH',
  path: '/api/v1/conversations/{id}',
  tag: 'Conversations',
  summary: 'Rename a group (owners and admins)',
  auth: 'session-or-token',
  params: conversationParamsSchema,
  body: renameConversationSchema,
  responses: { 200: { description: 'Renamed', schema: conversationResponseSchema } },
  errors: { forbidden: 'Not an owner or admin, or a direct conversation' },
});

export const addMembersEndpoint = defineEndpoint({
  operationId: 'addMembers',
  method: 'POST',
  path: '/api/v1/conversations/{id}/members',
  tag: 'Conversations',
  summary: 'Add people to a group',
  auth: 'session-or-token',
  params: conversationParamsSchema,
  body: addMembersSchema,
  responses: { 200: { description: 'Members added', schema: conversationResponseSchema } },
  errors: { forbidden: 'A direct conversation stays between two people' },
});

export const removeMemberEndpoint = defineEndpoint({
  operationId: 'removeMember',
  method: 'DELETE',
  path: '/api/v1/conversations/{id}/members/{userId}',
  tag: 'Conversations',
  summary: 'Remove a member (owners and admins) or leave (yourself)',
  auth: 'session-or-token',
  params: memberParamsSchema,
  responses: { 200: { description: 'Removed', schema: okResponseSchema } },
  errors: { forbidden: 'Not an owner or admin, the owner, or a direct conversation' },
});

export const setMemberRoleEndpoint = defineEndpoint({
  operationId: 'setMemberRole',
  method: 'PATCH',
  path: '/api/v1/conversations/{id}/members/{userId}',
  tag: 'Conversations',
  summary: 'Make a member an admin, or an admin a member (owners and admins)',
  auth: 'session-or-token',
  params: memberParamsSchema,
  body: memberRoleSchema,
  responses: { 200: { description: 'Role changed', schema: conversationResponseSchema } },
  errors: { forbidden: 'Not an owner or admin, the owner, or a direct conversation' },
});

export const markUnreadEndpoint = defineEndpoint({
  operationId: 'markConversationUnread',
  method: 'POST',
  path: '/api/v1/conversations/{id}/unread',
  tag: 'Conversations',
  summary: 'Mark unread from a message: your read position moves back to just before it',
  auth: 'session-or-token',
  params: conversationParamsSchema,
  body: unreadSchema,
  responses: { 200: { description: 'Read position', schema: conversationResponseSchema } },
  rateLimit: {
    name: 'conversations:unread',
    rule: { limit: 60, windowMs: 60_000 },
    what: 'unread marks',
  },
});

/** Conversations, messages and uploads for the /api/v1 route tests (re-exported by test/api.ts). */
import { expect } from 'vitest';

import { GET as getConversationRoute } from '@/app/api/v1/conversations/[id]/route';
import {
  GET as listMessagesRoute,
  POST as sendMessageRoute,
} from '@/app/api/v1/conversations/[id]/messages/route';
import { POST as createConversationRoute } from '@/app/api/v1/conversations/route';
import { POST as uploadRoute } from '@/app/api/v1/uploads/route';
import {
  conversationResponseSchema,
  messageResponseSchema,
  messagesResponseSchema,
  uploadResponseSchema,
  type AttachmentWire,
  type ConversationWire,
  type MessageWire,
} from '@/lib/chat/wire';

import { fileForm, makeImage, signUpUser, type TestAccount } from './api-accounts';
import {
  getRequest,
  jsonRequest,
  multipartRequest,
  withCookie,
  withParams,
  type HeaderMap,
} from './api-requests';

// ── Chat: conversations, messages and uploads ──────────────────────────────────────────────────

/** A fresh client-generated message id, as the composer sends (a uuid). */
export const newClientId = (): string => crypto.randomUUID();

/** `[T, T, …]` with N elements, so destructuring fresh accounts needs no checks. */
type Tuple<T, N extends number, R extends T[] = []> = R['length'] extends N
  ? R
  : Tuple<T, N, [T, ...R]>;

/** `count` fresh accounts (named "<name> 1", "<name> 2", …), signed up one after another. */
export async function signUpUsers<N extends number>(
  count: N,
  name = 'Test User',
): Promise<Tuple<TestAccount, N>> {
  const accounts: TestAccount[] = [];
  for (let i = 0; i < count; i++) accounts.push(await signUpUser({ name: `${name} ${i + 1}` }));
  return accounts as Tuple<TestAccount, N>;
}

/** POST /conversations as `account`, parsed with the wire schema (201 or 200 expected). */
async function startConversation(account: TestAccount, body: unknown): Promise<ConversationWire> {
  const res = await createConversationRoute(
    jsonRequest('POST', '/conversations', body, withCookie(account.cookie)),
  );
  expect([200, 201], 'the conversation is started').toContain(res.status);
  return conversationResponseSchema.parse(await res.json()).conversation;
}

/** The direct conversation between `a` and `b` (created by `a` when there is none yet). */
export function startDirect(a: TestAccount, b: TestAccount): Promise<ConversationWire> {
  return startConversation(a, { kind: 'direct', memberIds: [b.user.id] });
}

/** A group owned by `owner` with `members` as plain members. */
export function startGroup(
  owner: TestAccount,
  members: TestAccount[],
  name = 'Test group',
): Promise<ConversationWire> {
  return startConversation(owner, {
    kind: 'group',
    name,
    memberIds: members.map((m) => m.user.id),
  });
}

/** POST /conversations/:id/messages as `account`; `input` defaults to a fresh clientId. */
export function postMessage(
  account: TestAccount,
  conversationId: string,
  input: {
    body?: string;
    clientId?: string;
    replyToId?: string;
    attachmentIds?: string[];
    threadRootId?: string;
    alsoSendToConversation?: boolean;
  } = {},
  headers: HeaderMap = withCookie(account.cookie),
): Promise<Response> {
  return sendMessageRoute(
    jsonRequest(
      'POST',
      `/conversations/${conversationId}/messages`,
      { body: 'hello', clientId: newClientId(), ...input },
      headers,
    ),
    withParams({ id: conversationId }),
  );
}

/** Sends `body` and returns the stored message (the send must succeed with 201). */
export async function sendText(
  account: TestAccount,
  conversationId: string,
  body: string,
  input: {
    clientId?: string;
    replyToId?: string;
    attachmentIds?: string[];
    threadRootId?: string;
    alsoSendToConversation?: boolean;
  } = {},
): Promise<MessageWire> {
  const res = await postMessage(account, conversationId, { body, ...input });
  expect(res.status, 'the message is sent').toBe(201);
  return messageResponseSchema.parse(await res.json()).message;
}

/** GET /conversations/:id as `account`, parsed with the wire schema (200 expected). */
export async function fetchConversation(
  account: TestAccount,
  conversationId: string,
): Promise<ConversationWire> {
  const res = await getConversationRoute(
    getRequest(`/conversations/${conversationId}`, withCookie(account.cookie)),
    withParams({ id: conversationId }),
  );
  expect(res.status, 'the conversation can be read').toBe(200);
  return conversationResponseSchema.parse(await res.json()).conversation;
}

/** GET /conversations/:id/messages as `account` with an optional query string ("before=3"). */
export async function fetchMessages(
  account: TestAccount,
  conversationId: string,
  query = '',
): Promise<{ messages: MessageWire[]; hasMore: boolean }> {
  const res = await listMessagesRoute(
    getRequest(
      `/conversations/${conversationId}/messages${query ? `?${query}` : ''}`,
      withCookie(account.cookie),
    ),
    withParams({ id: conversationId }),
  );
  expect(res.status, 'the messages can be read').toBe(200);
  return messagesResponseSchema.parse(await res.json());
}

/** POST /uploads as `account` with an image (a 64×64 PNG unless given); 201 expected. */
export async function uploadImage(
  account: TestAccount,
  bytes?: Uint8Array,
  name = 'photo.png',
): Promise<AttachmentWire> {
  const form = fileForm(bytes ?? (await makeImage('png')), { name });
  const res = await uploadRoute(multipartRequest('/uploads', form, withCookie(account.cookie)));
  expect(res.status, 'the upload is stored').toBe(201);
  return uploadResponseSchema.parse(await res.json()).upload;
}

import { z } from 'zod';

/**
 * Request schemas for the conversation and message routes: bodies, queries and path params.
 * The composer and dialogs validate with the same schemas before sending.
 */

export const MESSAGE_MAX_LENGTH = 4000;
export const GROUP_MAX_MEMBERS = 256;
export const MAX_ATTACHMENTS = 10;

const id = z.string().trim().min(1, 'is required').max(64, 'is not an id');

export const groupNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the group a name')
  .max(80, 'Group names are at most 80 characters');

export const createConversationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('direct'),
    memberIds: z.array(id).length(1, 'A direct conversation has exactly one other person'),
  }),
  z.object({
    kind: z.literal('group'),
    name: groupNameSchema,
    memberIds: z
      .array(id)
      .min(1, 'Add at least one person')
      .max(GROUP_MAX_MEMBERS - 1, `A group holds at most ${GROUP_MAX_MEMBERS} people`),
  }),
]);
export type CreateConversationInput = z.infer<typeof createConversationSchema>;

export const renameConversationSchema = z.object({ name: groupNameSchema });

export const addMembersSchema = z.object({
  userIds: z.array(id).min(1, 'Add at least one person').max(100, 'Add at most 100 at once'),
});

export const messageBodySchema = z
  .string()
  .trim()
  .max(MESSAGE_MAX_LENGTH, `Messages are at most ${MESSAGE_MAX_LENGTH} characters`);

export const sendMessageSchema = z
  .object({
    body: messageBodySchema,
    clientId: z
      .string()
      .min(8, 'clientId must be at least 8 characters (a uuid)')
      .max(64, 'clientId is at most 64 characters')
      .regex(/^[A-Za-z0-9_-]+$/, 'clientId uses letters, digits, - and _'),
    replyToId: id.optional(),
    attachmentIds: z
      .array(id)
      .max(MAX_ATTACHMENTS, `At most ${MAX_ATTACHMENTS} images per message`)
      .optional(),
    /** Reply in this message's thread (lib/threads). */
    threadRootId: id.optional(),
    /** A thread reply that also shows in the conversation. */
    alsoSendToConversation: z.boolean().optional(),
  })
  .refine((m) => m.body.length > 0 || (m.attachmentIds?.length ?? 0) > 0, {
    message: 'Write a message (or attach an image)',
    path: ['body'],
  })
  .refine((m) => !m.alsoSendToConversation || m.threadRootId !== undefined, {
    message: 'Only a thread reply can also be sent to the conversation',
    path: ['alsoSendToConversation'],
  });
export type SendMessageInput = z.infer<typeof sendMessageSchema>;

export const editMessageSchema = z.object({
  body: messageBodySchema.min(1, 'Write a message, or delete it instead'),
});

export const readSchema = z.object({ seq: z.number().int().nonnegative() });
/** "Mark unread" from the message with this seq: it and everything after it count as unread. */
export const unreadSchema = z.object({ seq: z.number().int().min(1) });
/** Make a group member an admin, or an admin a plain member (the owner stays the owner). */
export const memberRoleSchema = z.object({ role: z.enum(['admin', 'member']) });

const seqParam = z.coerce.number().int('must be a whole number').nonnegative();

export const messagesQuerySchema = z
  .object({
    before: seqParam.optional(),
    after: seqParam.optional(),
    /** A page centred on this seq (it included), to open the conversation at a message. */
    around: seqParam.optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1, 'limit is at least 1')
      .max(100, 'limit is at most 100')
      .default(50),
  })
  .refine((q) => [q.before, q.after, q.around].filter((v) => v !== undefined).length <= 1, {
    message: 'Use one of before, after or around',
    path: ['before'],
  });

/** One emoji (a grapheme with a pictographic character), as it appears in the URL. */
export const emojiSchema = z
  .string()
  .min(1)
  .max(32)
  .refine(
    (e) =>
      /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u.test(e) &&
      [...new Intl.Segmenter().segment(e)].length === 1,
    {
      message: 'must be a single emoji',
    },
  );

export const conversationParamsSchema = z.object({ id });
export const memberParamsSchema = z.object({ id, userId: id });
export const reactionParamsSchema = z.object({ id, emoji: emojiSchema });

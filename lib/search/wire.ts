import { z } from 'zod';

import { messageWireSchema } from '@/lib/chat/wire';

/**
 * A search result: the message in its usual wire shape (with its seq, to open the conversation
 * around it), where it is, and a snippet as plain-text segments with the matches flagged. The
 * snippet carries no markup at all: the browser renders each segment as text (matches in
 * <mark>), so no message can inject HTML through search.
 */
export const snippetSegmentSchema = z.object({ text: z.string(), match: z.boolean() });

export const searchConversationSchema = z.object({
  id: z.string(),
  kind: z.enum(['direct', 'group']),
  /** A group's name; for a direct conversation, the other person's name. */
  name: z.string(),
});

export const searchResultSchema = z.object({
  message: messageWireSchema,
  conversation: searchConversationSchema,
  snippet: z.array(snippetSegmentSchema),
});
export type SearchResultWire = z.infer<typeof searchResultSchema>;

export const searchResponseSchema = z.object({
  results: z.array(searchResultSchema),
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
});

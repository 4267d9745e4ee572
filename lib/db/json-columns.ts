import { z } from 'zod';

import { systemEventSchema as systemEventRecordSchema } from './system-events';
import type { Attachment, SystemEvent } from './types';

/**
 * Schemas for the values adapters keep as JSON (SQLite TEXT columns, Mongo subdocuments). Reads
 * parse with these, so a corrupt row fails loudly instead of flowing on as a lie.
 */
// The stored shape is the wire shape: one schema (lib/db/system-events.ts), typed as the record.
export const systemEventSchema: z.ZodType<SystemEvent> = systemEventRecordSchema;

export const attachmentSchema: z.ZodType<Attachment> = z.object({
  id: z.string(),
  kind: z.literal('image'),
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
  width: z.number(),
  height: z.number(),
  key: z.string(),
  thumbKey: z.string(),
});

export const attachmentsSchema = z.array(attachmentSchema);
export const stringListSchema = z.array(z.string());

/** Parses a JSON text column with a schema (never a cast). */
export function parseJsonColumn<T>(schema: z.ZodType<T>, text: string | null): T | null {
  if (text === null) return null;
  return schema.parse(JSON.parse(text));
}

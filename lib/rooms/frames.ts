import type { z } from 'zod';

import { parseFrame } from '../realtime/protocol';

import type { RoomConnection } from './host';

/**
 * Parses a client frame with the protocol's schema; a bad one is answered with a `bad_frame`
 * error frame and null, and the room carries on. Every room reads its frames through this.
 */
export function readFrame<T>(
  schema: z.ZodType<T>,
  data: unknown,
  sender: RoomConnection,
): T | null {
  const parsed = parseFrame(schema, data);
  if (parsed.ok) return parsed.frame;
  sender.send({ type: 'error', code: 'bad_frame', message: parsed.message });
  return null;
}

/** Reads a connection's program state with the room's schema; null when unset or foreign. */
export function stateOf<T>(schema: z.ZodType<T>, connection: RoomConnection): T | null {
  const parsed = schema.safeParse(connection.state);
  return parsed.success ? parsed.data : null;
}

import type * as Party from 'partykit/server';

import type { z } from 'zod';

import { encodeFrame, parseFrame, type ServerFrame } from '../lib/realtime/protocol';

/** Sends one server frame; a socket that closed meanwhile is skipped, not an error. */
export function send(connection: Party.Connection, frame: ServerFrame | string): void {
  try {
    connection.send(typeof frame === 'string' ? frame : encodeFrame(frame));
  } catch {
    // The socket closed between choosing it and sending; its onClose does the bookkeeping.
  }
}

/**
 * Completes the close handshake from onClose. Under hibernation (compatibility date before
 * auto-replies to close frames) workerd does not answer a client's close frame by itself, so the
 * client would wait for its own close timeout. Closing an already closed socket is harmless.
 */
export function finishClose(connection: Party.Connection): void {
  try {
    connection.close();
  } catch {
    // already closed
  }
}

/**
 * Parses a client frame; a bad one is answered with a `bad_frame` error frame and null, and the
 * room carries on. Every party reads its frames through this.
 */
export function readFrame<T>(
  schema: z.ZodType<T>,
  message: string | ArrayBuffer | ArrayBufferView,
  sender: Party.Connection,
): T | null {
  const parsed = parseFrame(schema, message);
  if (parsed.ok) return parsed.frame;
  send(sender, { type: 'error', code: 'bad_frame', message: parsed.message });
  return null;
}

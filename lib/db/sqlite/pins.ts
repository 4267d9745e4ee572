import { MAX_PINS, type PinsPort } from '../ports/pins';
import type { Pin, PinPolicy } from '../types';
import type { Db } from './connection';

type PinRow = { conversation_id: string; message_id: string; pinned_by: string; pinned_at: number };

const toPin = (row: PinRow): Pin => ({
  conversationId: row.conversation_id,
  messageId: row.message_id,
  pinnedBy: row.pinned_by,
  pinnedAt: new Date(row.pinned_at),
});

export function pinFunctions(db: Db): PinsPort {
  const one = db.prepare<[string, string], PinRow>(
    'SELECT * FROM pins WHERE conversation_id = ? AND message_id = ?',
  );
  const count = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM pins WHERE conversation_id = ?',
  );
  const insert = db.prepare(
    'INSERT INTO pins (conversation_id, message_id, pinned_by, pinned_at) VALUES (?, ?, ?, ?)',
  );
  const policy = db.prepare<[string], { policy: PinPolicy }>(
    'SELECT policy FROM pin_settings WHERE conversation_id = ?',
  );

  // IMMEDIATE below: the count and the insert see one state, so two pins racing for the 50th
  // place cannot both win.
  const pin = db.transaction(
    ({ conversationId, messageId, userId }: Parameters<PinsPort['pinMessage']>[0]) => {
      const existing = one.get(conversationId, messageId);
      if (existing) return { pin: toPin(existing), created: false };
      if (count.get(conversationId)!.n >= MAX_PINS) return { full: true as const };
      insert.run(conversationId, messageId, userId, Date.now());
      return { pin: toPin(one.get(conversationId, messageId)!), created: true };
    },
  );

  return {
    async pinMessage(input) {
      return pin.immediate(input);
    },
    async unpinMessage({ conversationId, messageId }) {
      const result = db
        .prepare('DELETE FROM pins WHERE conversation_id = ? AND message_id = ?')
        .run(conversationId, messageId);
      return result.changes > 0;
    },
    async listPins({ conversationId }) {
      return db
        .prepare<[string], PinRow>(
          'SELECT * FROM pins WHERE conversation_id = ? ORDER BY pinned_at DESC, rowid DESC',
        )
        .all(conversationId)
        .map(toPin);
    },
    async getPinPolicy({ conversationId }) {
      return policy.get(conversationId)?.policy ?? 'admins_and_author';
    },
    async setPinPolicy({ conversationId, policy: next }) {
      db.prepare(
        `INSERT INTO pin_settings (conversation_id, policy) VALUES (?, ?)
         ON CONFLICT (conversation_id) DO UPDATE SET policy = excluded.policy`,
      ).run(conversationId, next);
      return next;
    },
  };
}

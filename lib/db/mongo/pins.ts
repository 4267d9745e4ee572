import { MAX_PINS, type PinsPort } from '../ports/pins';
import type { Pin } from '../types';
import type { PinDoc, PinSettingDoc, ThreadModels } from './thread-models';
import { duplicateKeyField } from './users';

const toPin = (doc: PinDoc): Pin => ({
  conversationId: doc.conversationId,
  messageId: doc.messageId,
  pinnedBy: doc.pinnedBy,
  pinnedAt: doc.pinnedAt,
});

export function pinFunctions({ Pin, PinSetting }: ThreadModels): PinsPort {
  const find = (conversationId: string, messageId: string) =>
    Pin.findOne({ conversationId, messageId }).lean<PinDoc>();

  return {
    async pinMessage({ conversationId, messageId, userId }) {
      const existing = await find(conversationId, messageId);
      if (existing) return { pin: toPin(existing), created: false };
      if ((await Pin.countDocuments({ conversationId })) >= MAX_PINS) return { full: true };
      try {
        const doc = await Pin.create({
          conversationId,
          messageId,
          pinnedBy: userId,
          pinnedAt: new Date(),
        });
        // Without a transaction two pins can race past the count: the later one backs out.
        const newer = await Pin.countDocuments({ conversationId });
        if (newer > MAX_PINS) {
          await Pin.deleteOne({ _id: doc._id });
          return { full: true };
        }
        return { pin: toPin(doc.toObject()), created: true };
      } catch (error) {
        const winner =
          duplicateKeyField(error) === null ? null : await find(conversationId, messageId);
        if (!winner) throw error;
        return { pin: toPin(winner), created: false };
      }
    },
    async unpinMessage({ conversationId, messageId }) {
      const result = await Pin.deleteOne({ conversationId, messageId });
      return result.deletedCount > 0;
    },
    async listPins({ conversationId }) {
      const docs = await Pin.find({ conversationId })
        .sort({ pinnedAt: -1, _id: -1 })
        .lean<PinDoc[]>();
      return docs.map(toPin);
    },
    async getPinPolicy({ conversationId }) {
      const doc = await PinSetting.findById(conversationId).lean<PinSettingDoc>();
      return doc?.policy ?? 'admins_and_author';
    },
    async setPinPolicy({ conversationId, policy }) {
      await PinSetting.updateOne({ _id: conversationId }, { $set: { policy } }, { upsert: true });
      return policy;
    },
  };
}

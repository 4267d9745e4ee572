import type { UploadsPort } from '../ports/uploads';
import type { Attachment, Upload } from '../types';
import type { Models, UploadDoc } from './models';
import { assertUserExists } from './users';

export function toAttachment(doc: UploadDoc): Attachment {
  return {
    id: doc._id,
    kind: doc.kind,
    name: doc.name,
    contentType: doc.contentType,
    size: doc.size,
    width: doc.width,
    height: doc.height,
    key: doc.key,
    thumbKey: doc.thumbKey,
  };
}

export function toUpload(doc: UploadDoc): Upload {
  return {
    ...toAttachment(doc),
    userId: doc.userId,
    conversationId: doc.conversationId ?? null,
    messageId: doc.messageId ?? null,
    createdAt: doc.createdAt,
  };
}

export function uploadFunctions(models: Models): UploadsPort {
  const { Upload } = models;

  return {
    async createUpload(input) {
      await assertUserExists(models, input.userId);
      const { userId, kind, name, contentType, size, width, height, key, thumbKey } = input;
      const doc = new Upload({
        userId,
        kind,
        name,
        contentType,
        size,
        width,
        height,
        key,
        thumbKey,
      });
      await doc.save();
      return toUpload(doc.toObject());
    },

    async getUpload({ id }) {
      const doc = await Upload.findById(id).lean<UploadDoc>();
      return doc ? toUpload(doc) : null;
    },

    async getUploads({ ids }) {
      if (ids.length === 0) return [];
      const docs = await Upload.find({ _id: { $in: ids } }).lean<UploadDoc[]>();
      return docs.map(toUpload);
    },
  };
}

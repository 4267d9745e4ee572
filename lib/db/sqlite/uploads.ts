import { newId } from '../ids';
import type { UploadsPort } from '../ports/uploads';
import type { Attachment, Upload } from '../types';
import type { Db } from './connection';

export type UploadRow = {
  id: string;
  user_id: string;
  conversation_id: string | null;
  message_id: string | null;
  name: string;
  content_type: string;
  size: number;
  width: number;
  height: number;
  key: string;
  thumb_key: string;
  created_at: number;
};

/** The fields a message embeds when it claims an upload. */
export function toAttachment(row: UploadRow): Attachment {
  return {
    id: row.id,
    kind: 'image',
    name: row.name,
    contentType: row.content_type,
    size: row.size,
    width: row.width,
    height: row.height,
    key: row.key,
    thumbKey: row.thumb_key,
  };
}

function toUpload(row: UploadRow): Upload {
  return {
    ...toAttachment(row),
    userId: row.user_id,
    conversationId: row.conversation_id,
    messageId: row.message_id,
    createdAt: new Date(row.created_at),
  };
}

/** Uploads with these ids (a JSON array bound as one parameter), in no particular order. */
export function selectUploads(db: Db) {
  const statement = db.prepare<[string], UploadRow>(
    'SELECT * FROM uploads WHERE id IN (SELECT value FROM json_each(?))',
  );
  return (ids: readonly string[]): UploadRow[] =>
    ids.length === 0 ? [] : statement.all(JSON.stringify(ids));
}

export function uploadFunctions(db: Db): UploadsPort {
  const byId = db.prepare<[string], UploadRow>('SELECT * FROM uploads WHERE id = ?');
  const byIds = selectUploads(db);
  const insert = db.prepare(
    `INSERT INTO uploads (id, user_id, name, content_type, size, width, height, key, thumb_key, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  return {
    async createUpload({ userId, name, contentType, size, width, height, key, thumbKey }) {
      const id = newId('up');
      insert.run(id, userId, name, contentType, size, width, height, key, thumbKey, Date.now());
      return toUpload(byId.get(id)!);
    },

    async getUpload({ id }) {
      const row = byId.get(id);
      return row ? toUpload(row) : null;
    },

    async getUploads({ ids }) {
      return byIds(ids).map(toUpload);
    },
  };
}

'use client';

import { useCallback, useState } from 'react';

import { uploadImage } from '@/lib/chat/client/api-client';
import { MAX_ATTACHMENTS } from '@/lib/chat/schemas';
import type { AttachmentWire } from '@/lib/chat/wire';

export type DraftAttachment = {
  localId: string;
  name: string;
  progress: number;
  status: 'uploading' | 'done' | 'failed';
  error: string | null;
  upload: AttachmentWire | null;
  abort: () => void;
};

const ACCEPTED = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const MAX_BYTES = 10 * 1024 * 1024;

/** Images attached to the message being written: uploaded at once, with progress. */
export function useAttachments() {
  const [items, setItems] = useState<DraftAttachment[]>([]);
  const patch = (localId: string, change: Partial<DraftAttachment>) =>
    setItems((list) => list.map((a) => (a.localId === localId ? { ...a, ...change } : a)));

  const add = useCallback((files: Iterable<File>) => {
    for (const file of files) {
      const localId = crypto.randomUUID();
      const base = {
        localId,
        name: file.name || 'image',
        progress: 0,
        upload: null,
        abort: () => {},
      };
      if (!ACCEPTED.includes(file.type)) {
        setItems((l) => [
          ...l,
          { ...base, status: 'failed', error: 'Only PNG, JPEG, WebP or GIF images.' },
        ]);
        continue;
      }
      if (file.size > MAX_BYTES) {
        setItems((l) => [...l, { ...base, status: 'failed', error: 'Images are at most 10 MB.' }]);
        continue;
      }
      const { promise, abort } = uploadImage(file, (progress) => patch(localId, { progress }));
      setItems((l) =>
        l.length >= MAX_ATTACHMENTS
          ? l
          : [...l, { ...base, abort, status: 'uploading', error: null }],
      );
      promise
        .then((upload) => patch(localId, { upload, status: 'done', progress: 1 }))
        .catch((e: Error) => patch(localId, { status: 'failed', error: e.message }));
    }
  }, []);

  const remove = (localId: string) =>
    setItems((list) => {
      list.find((a) => a.localId === localId)?.abort();
      return list.filter((a) => a.localId !== localId);
    });

  return {
    items,
    add,
    remove,
    clear: () => setItems([]),
    uploading: items.some((a) => a.status === 'uploading'),
    ready: items.flatMap((a) => (a.upload ? [a.upload] : [])),
  };
}

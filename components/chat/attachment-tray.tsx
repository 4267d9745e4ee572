'use client';

import { X } from 'lucide-react';

import type { DraftAttachment } from './use-attachments';

/** Images waiting to be sent, each with its upload progress or error. */
export function AttachmentTray({
  items,
  onRemove,
}: {
  items: DraftAttachment[];
  onRemove: (localId: string) => void;
}) {
  if (items.length === 0) return null;
  return (
    <ul aria-label="Attachments" className="mb-2 flex flex-wrap gap-2">
      {items.map((a) => (
        <li
          key={a.localId}
          className="flex w-48 max-w-full flex-col gap-1 rounded-md border border-border p-2 text-xs"
        >
          <span className="flex items-center justify-between gap-2">
            <span className="truncate">{a.name}</span>
            <button
              type="button"
              aria-label={`Remove ${a.name}`}
              onClick={() => onRemove(a.localId)}
              className="rounded p-0.5 text-muted hover:bg-surface-2 hover:text-fg"
            >
              <X aria-hidden size={14} />
            </button>
          </span>
          {a.status === 'uploading' ? (
            <progress
              aria-label={`Uploading ${a.name}`}
              max={100}
              value={Math.round(a.progress * 100)}
              className="h-1.5 w-full"
            />
          ) : null}
          {a.status === 'done' && a.upload ? (
            // eslint-disable-next-line @next/next/no-img-element -- authorized route
            <img src={a.upload.thumbUrl} alt={a.name} className="max-h-20 rounded object-cover" />
          ) : null}
          {a.status === 'failed' ? (
            <span role="alert" className="text-danger">
              {a.error}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

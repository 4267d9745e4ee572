'use client';

import { useState } from 'react';

import { Dialog } from '@/components/ui/dialog';
import type { AttachmentWire } from '@/lib/chat/wire';

/** A thumbnail that opens the full image in a dialog (Esc closes, focus returns). */
export function ImageAttachment({ attachment }: { attachment: AttachmentWire }) {
  const [open, setOpen] = useState(false);
  const scale = Math.min(1, 320 / attachment.width, 240 / attachment.height);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={attachment.name}
      trigger={
        <button
          type="button"
          aria-label={`Open image ${attachment.name}`}
          className="overflow-hidden rounded-md border border-border"
        >
          {/* eslint-disable-next-line @next/next/no-img-element -- authorized route, sized by the server */}
          <img
            src={attachment.thumbUrl}
            alt={attachment.name}
            width={Math.round(attachment.width * scale)}
            height={Math.round(attachment.height * scale)}
            loading="lazy"
            className="block max-w-full"
          />
        </button>
      }
    >
      {/* eslint-disable-next-line @next/next/no-img-element -- see above */}
      <img
        src={attachment.url}
        alt={attachment.name}
        className="max-h-[70vh] w-full object-contain"
      />
      <a
        href={attachment.url}
        target="_blank"
        rel="noopener noreferrer"
        className="mt-2 inline-block text-sm text-accent underline"
      >
        Open original
      </a>
    </Dialog>
  );
}

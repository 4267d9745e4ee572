'use client';

import { useMemo } from 'react';

import { useTimeline } from '@/lib/chat/client/timeline-store';

import { ImageAttachment } from './image-viewer';

/** The images shared in the conversation's loaded history, newest first. */
export function SharedImages({ conversationId }: { conversationId: string }) {
  const timeline = useTimeline(conversationId);
  const images = useMemo(
    () =>
      timeline.messages
        .filter((m) => !m.deletedAt)
        .flatMap((m) => m.attachments)
        .reverse(),
    [timeline.messages],
  );
  return (
    <section aria-labelledby="details-images">
      <h2 id="details-images" className="mb-1 text-sm font-semibold">
        Shared images
      </h2>
      {images.length === 0 ? (
        <p className="text-sm text-muted">No images shared yet.</p>
      ) : (
        <ul aria-label="Shared images" className="grid grid-cols-3 gap-2">
          {images.map((a) => (
            <li key={a.id}>
              <ImageAttachment attachment={a} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

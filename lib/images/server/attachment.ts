import 'server-only';

import sharp from 'sharp';

import { ApiError } from '@/lib/api/errors';

import { detectImageType } from './detect';
import { checkDimensions, imageQueue, MAX_INPUT_PIXELS, unreadable } from './pipeline';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Longest side of the stored image and of its thumbnail. */
const FULL_SIZE = 2048;
const THUMB_SIZE = 480;

export type ProcessedImage = {
  full: Uint8Array;
  thumb: Uint8Array;
  width: number;
  height: number;
};

/**
 * Checks by magic bytes that this is an image we accept and by its header that it is within
 * MAX_INPUT_PIXELS, then, in the image queue, re-encodes it as WebP (dropping metadata such as
 * GPS positions, and anything smuggled after the image data) plus a thumbnail the message list
 * shows. The source is decoded once: the thumbnail is made from the 2048 px result. Animated GIFs
 * stay animated.
 */
export async function processAttachmentImage(
  bytes: Uint8Array,
  { personId }: { personId: string },
): Promise<ProcessedImage> {
  const type = detectImageType(bytes);
  if (!type) {
    throw new ApiError('unsupported_media_type', 'Attach a PNG, JPEG, WebP or GIF image.');
  }
  await checkDimensions(bytes);
  const animated = type === 'gif' || type === 'webp';
  return imageQueue.run(personId, async () => {
    try {
      const full = await sharp(bytes, { animated, limitInputPixels: MAX_INPUT_PIXELS })
        .rotate()
        .resize(FULL_SIZE, FULL_SIZE, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 85 })
        .toBuffer({ resolveWithObject: true });
      const thumb = await sharp(full.data, { animated })
        .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 75 })
        .toBuffer();
      return {
        full: new Uint8Array(full.data),
        thumb: new Uint8Array(thumb),
        width: full.info.width,
        height: full.info.pageHeight ?? full.info.height,
      };
    } catch {
      throw unreadable();
    }
  });
}

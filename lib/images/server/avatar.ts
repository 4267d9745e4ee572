import 'server-only';

import sharp from 'sharp';

import { ApiError } from '@/lib/api/errors';

import { detectImageType } from './detect';
import { checkDimensions, imageQueue, MAX_INPUT_PIXELS, unreadable } from './pipeline';

export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
export const AVATAR_SIZE = 256;

/**
 * Checks the bytes are an image we accept (type and size from the header), then, in the image
 * queue, re-encodes a 256 px square WebP. Re-encoding drops metadata (GPS positions in photos)
 * and anything smuggled after the image data.
 */
export async function processAvatar(
  bytes: Uint8Array,
  { personId }: { personId: string },
): Promise<Uint8Array> {
  if (!detectImageType(bytes)) {
    throw new ApiError('unsupported_media_type', 'Upload a PNG, JPEG, WebP or GIF image.');
  }
  await checkDimensions(bytes);
  return imageQueue.run(personId, async () => {
    try {
      const out = await sharp(bytes, { animated: false, limitInputPixels: MAX_INPUT_PIXELS })
        .rotate()
        .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover' })
        .webp({ quality: 82 })
        .toBuffer();
      return new Uint8Array(out);
    } catch {
      throw unreadable();
    }
  });
}

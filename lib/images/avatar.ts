import 'server-only';

import sharp from 'sharp';

import { ApiError } from '@/lib/api/errors';

import { detectImageType } from './detect';

export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
export const AVATAR_SIZE = 256;

/**
 * Checks the bytes are an image we accept, then re-encodes a 256 px square WebP. Re-encoding
 * drops metadata (GPS positions in photos) and anything smuggled after the image data.
 */
export async function processAvatar(bytes: Uint8Array): Promise<Uint8Array> {
  if (!detectImageType(bytes)) {
    throw new ApiError('unsupported_media_type', 'Upload a PNG, JPEG, WebP or GIF image.');
  }
  try {
    const out = await sharp(bytes, { animated: false, limitInputPixels: 40_000_000 })
      .rotate()
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover' })
      .webp({ quality: 82 })
      .toBuffer();
    return new Uint8Array(out);
  } catch {
    throw new ApiError('validation_failed', 'That image could not be read. Try another file.', {
      fields: { file: 'Unreadable image' },
    });
  }
}

import 'server-only';

import sharp from 'sharp';

import { ApiError } from '@/lib/api/errors';

import { detectImageType } from './detect';

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
 * Checks by magic bytes that this is an image we accept, then re-encodes it as WebP (dropping
 * metadata such as GPS positions, and anything smuggled after the image data) plus a thumbnail
 * the message list shows. Animated GIFs stay animated.
 */
export async function processAttachmentImage(bytes: Uint8Array): Promise<ProcessedImage> {
  const type = detectImageType(bytes);
  if (!type) {
    throw new ApiError('unsupported_media_type', 'Attach a PNG, JPEG, WebP or GIF image.');
  }
  try {
    const source = () =>
      sharp(bytes, {
        animated: type === 'gif' || type === 'webp',
        limitInputPixels: 60_000_000,
      }).rotate();
    const [full, thumb] = await Promise.all([
      source()
        .resize(FULL_SIZE, FULL_SIZE, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 85 })
        .toBuffer({ resolveWithObject: true }),
      source()
        .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 75 })
        .toBuffer(),
    ]);
    return {
      full: new Uint8Array(full.data),
      thumb: new Uint8Array(thumb),
      width: full.info.width,
      // Animated images report the height of all frames stacked; pageHeight is one frame.
      height: full.info.pageHeight ?? full.info.height,
    };
  } catch {
    throw new ApiError('validation_failed', 'That image could not be read. Try another file.', {
      fields: { file: 'Unreadable image' },
    });
  }
}

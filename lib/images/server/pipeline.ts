import 'server-only';

import sharp from 'sharp';

import { ApiError } from '@/lib/api/errors';

import { createImageQueue } from './queue';

/**
 * The most pixels Parley decodes: 25 megapixels. Phone cameras save 12–24 MP photos (a 48 MP
 * sensor's default output is 24 MP, 5712 × 4284); chat stores at most 2048 px a side, so more
 * would only cost memory (4 bytes a pixel while decoding: 100 MB here, 240 MB at the old 60 MP).
 */
export const MAX_INPUT_PIXELS = 25_000_000;

// libvips' own worker threads per image: one, so an image never takes more than one core from
// the request path; the queue below keeps it to one image at a time on most machines.
sharp.concurrency(1);
// No cache of decoded images between requests: every upload is a new image.
sharp.cache(false);

/** One process-wide queue for every image decode (attachments and avatars). */
export const imageQueue = createImageQueue({
  concurrency: 1,
  maxWaiting: 8,
  perPerson: 2,
  retryAfterSeconds: 5,
});

/**
 * Reads the header only (no decode) and refuses what is over MAX_INPUT_PIXELS before any pixel
 * is decoded, so an oversized image costs a few microseconds, not hundreds of MB.
 */
export async function checkDimensions(
  bytes: Uint8Array,
): Promise<{ width: number; height: number; pages: number }> {
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw unreadable();
  }
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  const pages = meta.pages ?? 1;
  if (!width || !height) throw unreadable();
  if (width * height * pages > MAX_INPUT_PIXELS)
    throw new ApiError(
      'validation_failed',
      `That image is too large (${width} × ${height}${pages > 1 ? ` × ${pages} frames` : ''}); send one of at most 25 megapixels.`,
      { fields: { file: 'Image too large' } },
    );
  return { width, height, pages };
}

export const unreadable = () =>
  new ApiError('validation_failed', 'That image could not be read. Try another file.', {
    fields: { file: 'Unreadable image' },
  });

import 'server-only';

import path from 'node:path';

import { env } from '@/lib/env';

import { createLocalBlobStore } from './local';
import type { BlobStore } from './types';
import { createVercelBlobStore } from './vercel';

export type { BlobStore } from './types';

const cache = globalThis as unknown as { __parleyBlobs?: BlobStore };

export function getBlobStore(): BlobStore {
  cache.__parleyBlobs ??= env.BLOB_READ_WRITE_TOKEN
    ? createVercelBlobStore(env.BLOB_READ_WRITE_TOKEN)
    : createLocalBlobStore(path.join(env.PARLEY_DATA_DIR, 'uploads'));
  return cache.__parleyBlobs;
}

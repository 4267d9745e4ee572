import { del, get, put } from '@vercel/blob';

import { assertSafeKey, contentTypeOf, type BlobStore } from './types';

/** Vercel Blob, private access: blobs are read by the server and served by the app's routes. */
export function createVercelBlobStore(token: string): BlobStore {
  return {
    kind: 'vercel',
    async put(key, data, contentType) {
      assertSafeKey(key);
      await put(key, Buffer.from(data), {
        access: 'private',
        token,
        contentType,
        addRandomSuffix: false,
        allowOverwrite: true,
      });
    },
    async get(key) {
      assertSafeKey(key);
      const result = await get(key, { access: 'private', token });
      if (!result || !result.stream) return null;
      const data = new Uint8Array(await new Response(result.stream).arrayBuffer());
      return { data, contentType: contentTypeOf(key) };
    },
    async delete(key) {
      assertSafeKey(key);
      await del(key, { token });
    },
  };
}

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { assertSafeKey, contentTypeOf, type BlobStore } from './types';

/** Files under `<root>` (by default `.data/uploads`); the content type follows the key's extension. */
export function createLocalBlobStore(root: string): BlobStore {
  const fileOf = (key: string) => {
    assertSafeKey(key);
    return path.join(root, ...key.split('/'));
  };
  return {
    kind: 'local',
    async put(key, data) {
      const file = fileOf(key);
      // Private to the account running Parley: uploads are only served through authorized routes.
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      await writeFile(file, data, { mode: 0o600 });
    },
    async get(key) {
      try {
        return {
          data: new Uint8Array(await readFile(fileOf(key))),
          contentType: contentTypeOf(key),
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}

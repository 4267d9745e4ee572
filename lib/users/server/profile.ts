import 'server-only';

import { notFound } from '@/lib/api/errors';
import type { UpdateMeInput } from '@/lib/auth/schemas';
import { getBlobStore } from '@/lib/blob';
import { sha256Hex } from '@/lib/crypto';
import { getStore } from '@/lib/db';
import type { User } from '@/lib/db/types';
import { processAvatar } from '@/lib/images/server/avatar';
import { publish } from '@/lib/realtime/server/publish';

import { avatarUrl } from '../present';

/** Tells the person's other tabs (their inbox room) that their profile changed. */
async function announce(user: User) {
  await publish({
    party: 'main',
    room: user.id,
    events: [
      {
        type: 'user.updated',
        user: { id: user.id, name: user.name, image: avatarUrl(user), statusText: user.statusText },
      },
    ],
  });
}

export async function updateProfile(userId: string, input: UpdateMeInput): Promise<User> {
  const statusText = input.statusText === undefined ? undefined : input.statusText || null;
  const user = await (await getStore()).updateUser({ id: userId, name: input.name, statusText });
  if (!user) throw notFound('Your account');
  await announce(user);
  return user;
}

/** Stores a new avatar (validated and re-encoded), then removes the previous one. */
export async function replaceAvatar(user: User, upload: Uint8Array | null): Promise<User> {
  const blobs = getBlobStore();
  let key: string | null = null;
  if (upload) {
    const image = await processAvatar(upload, { personId: user.id });
    key = `avatars/${user.id}/${(await sha256Hex(image)).slice(0, 16)}.webp`;
    await blobs.put(key, image, 'image/webp');
  }
  const updated = await (await getStore()).updateUser({ id: user.id, avatarKey: key });
  if (!updated) throw notFound('Your account');
  if (user.avatarKey && user.avatarKey !== key) await blobs.delete(user.avatarKey);
  await announce(updated);
  return updated;
}

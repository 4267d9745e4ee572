import type { PublicUser, User } from '@/lib/db/types';

/** The avatar URL, versioned by its blob key so a new avatar is never served from cache. */
export function avatarUrl(user: Pick<User, 'id' | 'avatarKey'>): string | null {
  if (!user.avatarKey) return null;
  const version =
    user.avatarKey
      .split('/')
      .pop()
      ?.replace(/\.\w+$/, '') ?? '0';
  return `/api/v1/users/${user.id}/avatar?v=${version}`;
}

/** What anyone may see of a person. */
export function toPublicUser(user: User): PublicUser {
  return { id: user.id, name: user.name, image: avatarUrl(user) };
}

/** What a person sees of themselves. */
export function toMe(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    image: avatarUrl(user),
    statusText: user.statusText,
    createdAt: user.createdAt.toISOString(),
  };
}

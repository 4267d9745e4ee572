import 'server-only';

import { notFound } from '@/lib/api/errors';
import { requireMember } from '@/lib/chat/server/access';
import type { GameStat, Store } from '@/lib/db/store';
import type { User } from '@/lib/db/types';

import type { GameKind } from '../rules/types';

/** A person's records and ratings per game (any signed-in person may see them; 404 if unknown). */
export async function statsOf(store: Store, userId: string): Promise<GameStat[]> {
  const person = await store.getUserById({ id: userId });
  if (!person) throw notFound('That person');
  return store.getGameStats({ userIds: [userId] });
}

/** The conversation's members who have played `kind`, best rating first (members only). */
export async function leaderboard(
  store: Store,
  user: User,
  conversationId: string,
  kind: GameKind,
): Promise<GameStat[]> {
  await requireMember(store, conversationId, user.id);
  const members = await store.listMemberships({ conversationId });
  const stats = await store.getGameStats({ userIds: members.map((m) => m.userId) });
  return stats
    .filter((s) => s.kind === kind)
    .sort((a, b) => b.rating - a.rating || b.wins - a.wins || a.userId.localeCompare(b.userId));
}

import 'server-only';

import type { Store } from '@/lib/db';
import type {
  Game,
  NotificationSettingsPort,
  NotificationsPort,
  PushSubscriptionsPort,
} from '@/lib/db/store';
import { turnIndex } from '@/lib/games/clock';
import { gameNames } from '@/lib/games/describe';
import { getConversationViewers } from '@/lib/realtime/server/publish';

import { gameRecipient } from '../rules';
import { deliverNotification } from './deliver';
import { memberFacts } from './members';
import type { NotifyDeps } from './notify-message';

export type GameNotice = {
  kind: 'game_challenge' | 'game_turn';
  userId: string;
  /** Who caused it: the challenger, or the opponent who just moved (null: nobody yet). */
  actorId: string | null;
  /** One notice per challenge, one per turn: a re-run job delivers the same one. */
  sourceKey: string;
};

/**
 * What a game at `version` has to tell someone: a pending challenge, the person challenged (an
 * open challenge is for nobody in particular: see README "Games"); an active game, the player
 * to move. Nothing when the game has moved on since the job was queued (the challenge was
 * answered, the move made): the notice would be stale.
 */
export function gameNotice(game: Game, version: number): GameNotice | null {
  if (game.version !== version) return null;
  if (game.status === 'pending') {
    if (!game.invitedId) return null;
    return {
      kind: 'game_challenge',
      userId: game.invitedId,
      actorId: game.createdBy,
      sourceKey: `game-challenge:${game.id}`,
    };
  }
  if (game.status !== 'active') return null;
  const mover = game.players[turnIndex(game.moves)];
  if (!mover) return null;
  return {
    kind: 'game_turn',
    userId: mover,
    actorId: game.players.find((p) => p !== mover) ?? null,
    sourceKey: `game-turn:${game.id}:${game.version}`,
  };
}

/** The same delivery and viewers as a message's notifications, over the game's store ports. */
export type NotifyGameDeps = Omit<NotifyDeps, 'store'> & {
  store: NotificationsPort &
    PushSubscriptionsPort &
    NotificationSettingsPort &
    Pick<Store, 'getGame' | 'getConversation' | 'listMemberships' | 'getUserById' | 'getMessage'>;
};

/**
 * The `notify-game` job: the game's notice, in the app and by web push (Do not disturb, muting
 * and the person's level apply as for messages), leading to the game card. Idempotent: one
 * notification per challenge and per turn.
 */
export async function notifyAboutGame(
  { store, viewersOf = getConversationViewers, deliver = deliverNotification }: NotifyGameDeps,
  { gameId, version }: { gameId: string; version: number },
): Promise<void> {
  const game = await store.getGame({ id: gameId });
  const notice = game && gameNotice(game, version);
  if (!game || !notice) return;
  const [conversation, memberships] = await Promise.all([
    store.getConversation({ id: game.conversationId }),
    store.listMemberships({ conversationId: game.conversationId }),
  ]);
  if (!conversation) return;
  const members = await memberFacts(
    store,
    memberships.filter((m) => m.userId === notice.userId),
  );
  // Only when the person would hear of it is the room asked who is looking at it.
  if (!gameRecipient({ notice, members, viewers: new Set() })) return;
  const viewers = new Set(await viewersOf(game.conversationId));
  const recipient = gameRecipient({ notice, members, viewers });
  if (!recipient) return;
  const [actor, card] = await Promise.all([
    notice.actorId ? store.getUserById({ id: notice.actorId }) : null,
    game.cardMessageId ? store.getMessage({ id: game.cardMessageId }) : null,
  ]);
  await deliver(store, {
    userId: recipient.userId,
    kind: recipient.kind,
    conversation,
    actor,
    messageId: card?.id ?? null,
    callId: null,
    // The card's seq: reading the conversation past the card reads its notices too.
    seq: card?.seq ?? null,
    preview: gameNames[game.kind],
    sourceKey: notice.sourceKey,
  });
}

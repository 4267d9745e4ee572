import { beforeEach, describe, expect, it, vi } from 'vitest';

import { POST as rematchRoute } from '@/app/api/v1/games/[id]/rematch/route';
import { GET as listNotifications } from '@/app/api/v1/notifications/route';
import { getStore } from '@/lib/db';
import { notificationPath } from '@/lib/notifications/present';
import { notifyAboutGame } from '@/lib/notifications/server/notify-game';
import { gameResponseSchema, type GameWire } from '@/lib/games/wire';
import { notificationsResponseSchema } from '@/lib/notifications/wire';
import { pushNotification } from '@/lib/push/server/send';
import {
  getRequest,
  jsonRequest,
  signUpUsers,
  startDirect,
  startGroup,
  withCookie,
  withParams,
  type TestAccount,
} from '@/test/api';
import { actOnGame, createGame, move } from '@/test/games';
import { queuedJobs, runQueued } from '@/test/jobs';

vi.mock('@/lib/push/server/send', () => ({
  pushNotification: vi.fn(async () => ({ sent: 1, failed: 0, removed: 0 })),
}));

const notificationsOf = async (account: TestAccount) =>
  notificationsResponseSchema.parse(
    await (
      await listNotifications(getRequest('/notifications', withCookie(account.cookie)))
    ).json(),
  ).notifications;

/** Runs the queued notify-game jobs of one game (everyone is away: the room cannot be asked). */
const runNotices = (gameId: string) =>
  runQueued('notify-game', { key: 'gameId', values: [gameId] });
/** The notify-game job's payload for a game at the version seen. */
const at = (game: GameWire) => ({ gameId: game.id, version: game.version });

const pushesTo = (userId: string) =>
  vi.mocked(pushNotification).mock.calls.filter(([input]) => input.userId === userId);

async function challenge() {
  const [a, b] = await signUpUsers(2);
  const { id } = await startDirect(a, b);
  const game = await createGame(a, id, { kind: 'tictactoe' });
  return { a, b, conversationId: id, game };
}

beforeEach(() => {
  vi.mocked(pushNotification).mockClear();
});

describe('notify-game: a challenge', () => {
  it('notifies the person challenged (in the app and by push), leading to the card', async () => {
    const { a, b, game } = await challenge();
    // Queued with the card's id, in the same write (the outbox), at that version.
    expect(await queuedJobs('notify-game', (p) => p.gameId === game.id)).toHaveLength(1);
    await runNotices(game.id);
    await runNotices(game.id);
    const forB = await notificationsOf(b);
    expect(forB).toHaveLength(1);
    const store = await getStore();
    const stored = await store.getGame({ id: game.id });
    expect(forB[0]).toMatchObject({
      kind: 'game_challenge',
      actor: { id: a.user.id },
      preview: 'Tic-tac-toe',
      messageId: stored!.cardMessageId,
    });
    expect(stored!.cardMessageId).toEqual(expect.any(String));
    expect(notificationPath(forB[0]!)).toBe(
      `/chats/${game.conversationId}?message=${stored!.cardMessageId}`,
    );
    expect(pushesTo(b.user.id)).toHaveLength(1);
    expect(pushesTo(b.user.id)[0]![0].message.title).toBe(
      `${a.user.name} challenged you to a game`,
    );
    expect(await notificationsOf(a)).toHaveLength(0);
  });

  it('an open challenge in a group notifies nobody in particular', async () => {
    const [a, b, c] = await signUpUsers(3);
    const group = await startGroup(a, [b, c], 'Arena');
    const game = await createGame(a, group.id, { kind: 'connect4' });
    expect(game.invitedId).toBeNull();
    expect(await queuedJobs('notify-game', (p) => p.gameId === game.id)).toHaveLength(0);
    // The expiry is queued all the same.
    expect(await queuedJobs('game-challenge-expiry', (p) => p.gameId === game.id)).toHaveLength(1);
  });

  it('is not sent once the challenge was answered (the job finds the game moved on)', async () => {
    const { b, game } = await challenge();
    await actOnGame(b, game.id, 'decline');
    const store = await getStore();
    await notifyAboutGame({ store }, at(game));
    expect(await notificationsOf(b)).toHaveLength(0);
  });
});

describe('notify-game: a rematch', () => {
  it('is a challenge to the other player like any other', async () => {
    const { a, b, game } = await challenge();
    let g = await actOnGame(b, game.id, 'accept');
    for (const [who, cell] of [
      [a, '0'],
      [b, '3'],
      [a, '1'],
      [b, '4'],
      [a, '2'],
    ] as const)
      g = await move(who, g, cell);
    expect(g.result?.winnerId).toBe(a.user.id);
    const res = await rematchRoute(
      jsonRequest('POST', `/games/${g.id}/rematch`, {}, withCookie(b.cookie)),
      withParams({ id: g.id }),
    );
    const next = gameResponseSchema.parse(await res.json()).game;
    expect(next).toMatchObject({ status: 'pending', invitedId: a.user.id });
    await runNotices(next.id);
    expect((await notificationsOf(a)).map((n) => n.kind)).toContain('game_challenge');
  });
});

describe('notify-game: "Your move"', () => {
  it('tells the player to move who is away, not one who is looking at the conversation', async () => {
    const { a, b, game } = await challenge();
    const accepted = await actOnGame(b, game.id, 'accept');
    const store = await getStore();
    const viewing = (ids: string[]) => async () => ids;
    // Ana starts, and she is away: "Your move", once.
    await notifyAboutGame({ store, viewersOf: viewing([b.user.id]) }, at(accepted));
    await notifyAboutGame({ store, viewersOf: viewing([b.user.id]) }, at(accepted));
    const forA = await notificationsOf(a);
    expect(forA).toHaveLength(1);
    expect(forA[0]).toMatchObject({ kind: 'game_turn', actor: { id: b.user.id } });
    expect(pushesTo(a.user.id)[0]![0].message.title).toBe(`Your move against ${b.user.name}`);
    // Ana moves; Ben has the conversation open: he sees the board, no notification.
    const moved = await move(a, accepted, '4');
    expect(
      await queuedJobs('notify-game', (p) => p.gameId === moved.id && p.version === moved.version),
    ).toHaveLength(1);
    await notifyAboutGame({ store, viewersOf: viewing([b.user.id]) }, at(moved));
    expect((await notificationsOf(b)).filter((n) => n.kind === 'game_turn')).toHaveLength(0);
    // Once he is away, a turn notifies him; a later turn is a new notification.
    const back = await move(b, moved, '0');
    const again = await move(a, back, '8');
    await notifyAboutGame({ store, viewersOf: viewing([]) }, at(again));
    expect((await notificationsOf(b)).filter((n) => n.kind === 'game_turn')).toHaveLength(1);
    // A stale job (the turn was played since) notifies nobody.
    await move(b, again, '2');
    await notifyAboutGame({ store, viewersOf: viewing([]) }, at(moved));
    expect((await notificationsOf(b)).filter((n) => n.kind === 'game_turn')).toHaveLength(1);
  });
});

describe('notify-game: the person’s settings apply', () => {
  it('a muted conversation or notifications turned off: nothing', async () => {
    const { a, b, conversationId, game } = await challenge();
    const store = await getStore();
    await store.updateMembership({ conversationId, userId: b.user.id, muted: true });
    await runNotices(game.id);
    expect(await notificationsOf(b)).toHaveLength(0);

    await store.updateNotificationSettings({ userId: a.user.id, level: 'nothing' });
    const accepted = await actOnGame(b, game.id, 'accept');
    await notifyAboutGame({ store, viewersOf: async () => [] }, at(accepted));
    expect(await notificationsOf(a)).toHaveLength(0);
    expect(pushesTo(a.user.id)).toHaveLength(0);
  });

  it('the default level (mentions and DMs) keeps game notices: they are personal', async () => {
    const [a, b, c] = await signUpUsers(3);
    const group = await startGroup(a, [b, c], 'Arena');
    const game = await createGame(a, group.id, { kind: 'connect4', opponentId: c.user.id });
    await runNotices(game.id);
    expect((await notificationsOf(c)).map((n) => n.kind)).toEqual(['game_challenge']);
    expect(await notificationsOf(b)).toHaveLength(0);
  });

  it('Do not disturb: stored and counted, but no push', async () => {
    const { b, game } = await challenge();
    const store = await getStore();
    await store.updateNotificationSettings({ userId: b.user.id, doNotDisturb: true });
    await runNotices(game.id);
    expect(await notificationsOf(b)).toHaveLength(1);
    expect(pushesTo(b.user.id)).toHaveLength(0);
  });
});

import { describe, expect, it } from 'vitest';

import { statusLine } from '@/components/games/game-status';
import { getStore } from '@/lib/db';
import { signUpUsers, startDirect } from '@/test/api';
import { actOnGame, actOnGameAs, createGame } from '@/test/games';
import { queuedJobs } from '@/test/jobs';

import { CHALLENGE_TTL_MS } from '../clock';
import { toGameWire } from './present';
import { getGameFor } from './service';
import { expireChallenge } from './timers';

async function challenge() {
  const [a, b] = await signUpUsers(2);
  const { id } = await startDirect(a, b);
  const game = await createGame(a, id, { kind: 'connect4' });
  return { a, b, game, payload: { gameId: game.id, version: game.version } };
}

const after = (ms: number) => () => new Date(Date.now() + ms);

describe('an unanswered challenge expires', () => {
  it('is queued with the card, delayed 24 h, and expires only once that has passed', async () => {
    const { a, b, game, payload } = await challenge();
    const [job] = await queuedJobs('game-challenge-expiry', (p) => p.gameId === game.id);
    expect(job?.payload).toEqual(payload);
    const due = new Date(game.createdAt).getTime() + CHALLENGE_TTL_MS;
    expect(job!.runAt.getTime()).toBe(due);
    const store = await getStore();
    // Early (a clock that runs ahead of the store's): nothing.
    await expireChallenge(store, payload, { now: after(CHALLENGE_TTL_MS - 60_000) });
    expect((await store.getGame({ id: game.id }))!.status).toBe('pending');
    await expireChallenge(store, payload, { now: after(CHALLENGE_TTL_MS + 1_000) });
    const expired = (await store.getGame({ id: game.id }))!;
    expect(expired).toMatchObject({ status: 'expired', endedAt: expect.any(Date) });
    // The card says so, to both sides; it can no longer be accepted.
    const nameOf = (id: string) => (id === a.user.id ? 'Ana' : 'Ben');
    expect(statusLine(toGameWire(expired), b.user.id, nameOf)).toBe(
      'Connect Four challenge expired: nobody accepted it in time',
    );
    const accept = await actOnGameAs(b, game.id, 'accept');
    expect(accept.status).toBe(409);
    // The job again (a duplicate delivery) changes nothing.
    await expireChallenge(store, payload, { now: after(CHALLENGE_TTL_MS + 2_000) });
    expect((await store.getGame({ id: game.id }))!.version).toBe(expired.version);
  });

  it('an accepted or declined challenge does not expire', async () => {
    const store = await getStore();
    const accepted = await challenge();
    await actOnGame(accepted.b, accepted.game.id, 'accept');
    await expireChallenge(store, accepted.payload, { now: after(CHALLENGE_TTL_MS + 1_000) });
    expect((await store.getGame({ id: accepted.game.id }))!.status).toBe('active');
    const declined = await challenge();
    await actOnGame(declined.b, declined.game.id, 'decline');
    await expireChallenge(store, declined.payload, { now: after(CHALLENGE_TTL_MS + 1_000) });
    expect((await store.getGame({ id: declined.game.id }))!.status).toBe('declined');
  });

  it('is expired when read past its expiry, even if its job has not run', async () => {
    const { b, game } = await challenge();
    const store = await getStore();
    const user = (await store.getUserById({ id: b.user.id }))!;
    const early = await getGameFor(store, user, game.id, { now: after(60_000) });
    expect(early.status).toBe('pending');
    const read = await getGameFor(store, user, game.id, { now: after(CHALLENGE_TTL_MS + 1) });
    expect(read.status).toBe('expired');
  });
});

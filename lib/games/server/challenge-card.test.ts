import { describe, expect, it } from 'vitest';

import { getStore } from '@/lib/db';
import type { Store } from '@/lib/db/store';
import { signUpUsers, startDirect } from '@/test/api';

import { createChallenge } from './service';

describe('the challenge card', () => {
  it('a challenge answered before its card’s id is recorded still stands (no 409)', async () => {
    const [a, b] = await signUpUsers(2);
    const { id: conversationId } = await startDirect(a, b);
    const store = await getStore();
    // Ben accepts the moment the card goes live, before the challenger's write that follows it.
    const createMessage: Store['createMessage'] = async (input) => {
      const stored = await store.createMessage(input);
      if (input.system?.type === 'game')
        await store.updateGame({
          id: input.system.gameId,
          expectedVersion: 1,
          set: { status: 'active', players: [a.user.id, b.user.id] },
        });
      return stored;
    };
    const racing: Store = Object.assign(Object.create(store) as Store, { createMessage });
    const user = (await store.getUserById({ id: a.user.id }))!;
    const { game } = await createChallenge(racing, user, conversationId, { kind: 'tictactoe' });
    expect(game).toMatchObject({ status: 'active', version: 2, cardMessageId: null });
  });
});

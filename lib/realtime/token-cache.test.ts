import { describe, expect, it } from 'vitest';

import { createRoomTokenCache, TOKEN_REUSE_MARGIN_MS } from './token-cache';

function harness(ttlMs = 10 * 60_000) {
  let now = 1_000_000;
  let minted = 0;
  const cache = createRoomTokenCache({
    now: () => now,
    mint: async (key) => {
      minted++;
      return { token: `${key}#${minted}`, expiresAt: new Date(now + ttlMs).toISOString() };
    },
  });
  return {
    cache,
    minted: () => minted,
    advance: (ms: number) => (now += ms),
  };
}

describe('room token cache', () => {
  it('reuses a token whose connection opened, until shortly before it expires', async () => {
    const h = harness();
    expect(await h.cache.get('conversation:c1')).toBe('conversation:c1#1');
    h.cache.opened('conversation:c1');
    h.advance(5 * 60_000);
    expect(await h.cache.get('conversation:c1')).toBe('conversation:c1#1');
    h.advance(5 * 60_000 - TOKEN_REUSE_MARGIN_MS);
    expect(await h.cache.get('conversation:c1')).toBe('conversation:c1#2');
    expect(h.minted()).toBe(2);
  });

  it('never hands out again a token whose connection did not open (refused by the room)', async () => {
    const h = harness();
    await h.cache.get('inbox');
    expect(await h.cache.get('inbox')).toBe('inbox#2');
    expect(await h.cache.get('inbox')).toBe('inbox#3');
  });

  it('keeps one token per room', async () => {
    const h = harness();
    await h.cache.get('conversation:c1');
    h.cache.opened('conversation:c1');
    expect(await h.cache.get('conversation:c2')).toBe('conversation:c2#2');
    expect(await h.cache.get('conversation:c1')).toBe('conversation:c1#1');
  });

  it('does not reuse a short-lived token (a call’s minute)', async () => {
    const h = harness(60_000);
    await h.cache.get('call:k1');
    h.cache.opened('call:k1');
    expect(await h.cache.get('call:k1')).toBe('call:k1#2');
  });

  it('a token that also opens other rooms is handed out for them without a request', async () => {
    let minted = 0;
    const cache = createRoomTokenCache({
      mint: async (key) => {
        minted++;
        return {
          token: `${key}#${minted}`,
          expiresAt: new Date(Date.now() + 600_000).toISOString(),
          alsoFor: ['conversation:c1', 'conversation:c2'],
        };
      },
    });
    expect(await cache.get('inbox')).toBe('inbox#1');
    expect(await cache.get('conversation:c1')).toBe('inbox#1');
    cache.opened('conversation:c1');
    expect(await cache.get('conversation:c1')).toBe('inbox#1');
    // Handed out once and its socket never opened (the room refused it): a fresh one.
    expect(await cache.get('conversation:c2')).toBe('inbox#1');
    expect(await cache.get('conversation:c2')).toBe('conversation:c2#2');
    expect(minted).toBe(2);
  });

  it('hands out the page’s seeded token first, then mints once it was refused', async () => {
    const h = harness();
    const expiresAt = new Date(1_000_000 + 10 * 60_000).toISOString();
    h.cache.seed('inbox', { token: 'page', expiresAt, alsoFor: ['conversation:c1'] });
    expect(await h.cache.get('inbox')).toBe('page');
    expect(await h.cache.get('conversation:c1')).toBe('page');
    expect(h.minted()).toBe(0);
    expect(await h.cache.get('inbox')).toBe('inbox#1'); // never opened: not reused
  });

  it('ignores a seeded token too close to expiry (a page restored later)', async () => {
    const h = harness();
    const expiresAt = new Date(1_000_000 + TOKEN_REUSE_MARGIN_MS).toISOString();
    h.cache.seed('inbox', { token: 'stale', expiresAt });
    expect(await h.cache.get('inbox')).toBe('inbox#1');
  });

  it('mints afresh after forget (claims out of date)', async () => {
    const h = harness();
    await h.cache.get('inbox');
    h.cache.opened('inbox');
    h.cache.forget('inbox');
    expect(await h.cache.get('inbox')).toBe('inbox#2');
  });

  it('a failed mint leaves nothing cached', async () => {
    let fail = true;
    const cache = createRoomTokenCache({
      mint: async () => {
        if (fail) throw new Error('404');
        return { token: 't', expiresAt: new Date(Date.now() + 600_000).toISOString() };
      },
    });
    await expect(cache.get('conversation:c1')).rejects.toThrow('404');
    fail = false;
    expect(await cache.get('conversation:c1')).toBe('t');
  });
});
